package dev.facet.providers;

import dev.facet.model.Box;
import dev.facet.model.ColourSignature;
import dev.facet.model.ImageRef;
import dev.facet.model.Lab;
import dev.facet.model.Reference;
import dev.facet.model.ShotPrompt;
import dev.facet.model.ShotSpec;
import dev.facet.model.StyleGuide;
import dev.facet.steps.GenerateRequest;
import dev.facet.steps.ShootKeys;
import dev.facet.storage.ObjectStore;
import java.util.List;
import java.util.UUID;

/** A shoot's captured references in the store, and generation requests over them. */
final class GenerationFixture {

  static final ShotSpec HERO = new ShotSpec("hero", "three-quarter front view", "front");

  private final ShootKeys keys = ShootKeys.of("shoot-ring-1", UUID.randomUUID().toString());
  private final List<Reference> references;
  private final ObjectStore store;

  GenerationFixture(ObjectStore store) {
    this.store = store;
    Lab gold = new Lab(75.4, 5.0, 50.8);
    // Stored side first, so the test sees the generator put the shot's angle first.
    Reference side =
        new Reference(
            1,
            "side",
            store.put(keys.reference(1), Fixtures.referenceSide(), "image/jpeg", 512, 384),
            null,
            null,
            new Box(100, 120, 300, 150),
            0.6,
            gold,
            120,
            List.of());
    Reference front =
        new Reference(
            0,
            "front",
            store.put(keys.reference(0), Fixtures.referenceFront(), "image/jpeg", 512, 512),
            store.put(keys.mask(0), Fixtures.maskFront(), "image/png", 512, 512),
            null,
            new Box(150, 150, 220, 220),
            0.43,
            gold,
            140,
            List.of());
    references = List.of(side, front);
  }

  ShootKeys keys() {
    return keys;
  }

  GenerateRequest request(String provider, int variant) {
    return new GenerateRequest(
        keys,
        1,
        HERO,
        variant,
        new ShotPrompt("hero", "The ring from the photos, three-quarter view, on pure white"),
        references,
        new ColourSignature(new Lab(75.4, 5.0, 50.8), null),
        StyleGuide.whiteStudio(),
        provider);
  }

  /** A request whose reference photo is not in the store (deleted, wrong key). */
  GenerateRequest withMissingReference(String provider, int variant) {
    GenerateRequest r = request(provider, variant);
    Reference front = r.references().get(1);
    Reference gone =
        new Reference(
            front.index(),
            front.angle(),
            new ImageRef(keys.prefix() + "/capture/gone.jpg", "", 0, "image/jpeg", 512, 512),
            null,
            null,
            front.productBox(),
            front.fill(),
            front.metal(),
            front.sharpness(),
            List.of());
    return new GenerateRequest(
        r.keys(),
        r.round(),
        r.shot(),
        r.variant(),
        r.prompt(),
        List.of(gone),
        r.signature(),
        r.style(),
        provider);
  }

  /** A request of a catalog that has its style reference: the approved hero of an earlier piece. */
  GenerateRequest withStyleReference(String provider, int variant) {
    GenerateRequest r = request(provider, variant);
    ImageRef style =
        store.put(
            "shoots/shoot-EARLIER/r1/hero-master.jpg",
            Fixtures.referenceFront(),
            "image/jpeg",
            512,
            512);
    return new GenerateRequest(
        r.keys(),
        r.round(),
        r.shot(),
        r.variant(),
        r.prompt(),
        r.references(),
        r.signature(),
        r.style(),
        provider,
        style);
  }

  GenerateRequest withoutReferences(String provider, int variant) {
    GenerateRequest r = request(provider, variant);
    return new GenerateRequest(
        r.keys(),
        r.round(),
        r.shot(),
        r.variant(),
        r.prompt(),
        List.of(),
        r.signature(),
        r.style(),
        provider);
  }
}
