package dev.facet.steps;

import dev.facet.model.ReferencePhoto;
import java.util.List;

public record CaptureRequest(ShootKeys keys, List<ReferencePhoto> photos) {}
