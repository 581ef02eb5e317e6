// facetcheck: the checks behind deploy/check that need a real parser.
//
//	facetcheck image <image.tar> <rootfs-dir>     print the image config, check user, entrypoint,
//	                                              ports and labels, and unpack its layers
//	facetcheck image-env|image-entrypoint <tar>   print the image's environment or entrypoint, one
//	                                              item a line (for running its unpacked filesystem)
//	facetcheck compose <compose.yaml>...          load with the Compose Specification's reference
//	                                              loader (compose-go: schema, interpolation, depends_on)
//	facetcheck k8s-schemas <wheel> <version> <to> unpack one Kubernetes version's strict JSON schemas
//	                                              from the kubernetes-validate wheel (PyPI) for
//	                                              kubeconform: each file gets a file:// $id so its
//	                                              references to _definitions.json resolve locally
package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: facetcheck image <image.tar> <rootfs-dir> | compose <file>... | k8s-schemas <wheel> <version> <to>")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "image":
		if len(os.Args) != 4 {
			err = fmt.Errorf("image needs <image.tar> <rootfs-dir>")
		} else {
			err = image(os.Args[2], os.Args[3])
		}
	case "image-env", "image-entrypoint":
		err = imageField(os.Args[1], os.Args[2])
	case "compose":
		err = compose(os.Args[2:])
	case "k8s-schemas":
		if len(os.Args) != 5 {
			err = fmt.Errorf("k8s-schemas needs <wheel> <version, e.g. 1.33.0> <to>")
		} else {
			err = schemas(os.Args[2], os.Args[3], os.Args[4])
		}
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		os.Exit(1)
	}
}

// The image contract the compose file and the Kubernetes manifests rely on.
const (
	wantUser = "65532:65532"
	wantPort = "8080/tcp"
)

var wantEntrypoint = []string{"/opt/java/bin/java"}

func image(path, rootfs string) error {
	img, err := tarball.ImageFromPath(path, nil)
	if err != nil {
		return err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return err
	}
	c := cf.Config
	ports := make([]string, 0, len(c.ExposedPorts))
	for p := range c.ExposedPorts {
		ports = append(ports, p)
	}
	sort.Strings(ports)
	layers, err := img.Layers()
	if err != nil {
		return err
	}
	fmt.Printf("os/arch:     %s/%s\n", cf.OS, cf.Architecture)
	fmt.Printf("user:        %s\n", c.User)
	fmt.Printf("entrypoint:  %s\n", strings.Join(c.Entrypoint, " "))
	fmt.Printf("cmd:         %s\n", strings.Join(c.Cmd, " "))
	fmt.Printf("ports:       %s\n", strings.Join(ports, " "))
	fmt.Printf("workdir:     %s\n", c.WorkingDir)
	fmt.Printf("env:         %s\n", strings.Join(c.Env, " "))
	fmt.Printf("labels:      %v\n", c.Labels)
	fmt.Printf("layers:      %d\n", len(layers))

	var problems []string
	if c.User != wantUser {
		problems = append(problems, fmt.Sprintf("user is %q, want %q (non-root, numeric)", c.User, wantUser))
	}
	if len(c.Entrypoint) < len(wantEntrypoint) || c.Entrypoint[0] != wantEntrypoint[0] {
		problems = append(problems, fmt.Sprintf("entrypoint is %q, want it to start with %q", c.Entrypoint, wantEntrypoint))
	}
	if !strings.Contains(strings.Join(c.Entrypoint, " "), "dev.facet.FacetApplication") {
		problems = append(problems, "entrypoint does not run dev.facet.FacetApplication")
	}
	if _, ok := c.ExposedPorts[wantPort]; !ok {
		problems = append(problems, "port "+wantPort+" is not exposed")
	}
	if cf.OS != "linux" || cf.Architecture != "amd64" {
		problems = append(problems, "platform is "+cf.OS+"/"+cf.Architecture+", want linux/amd64")
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}

	// Unpack the flattened filesystem, for a smoke test of the runtime it carries.
	if err := os.RemoveAll(rootfs); err != nil {
		return err
	}
	if err := os.MkdirAll(rootfs, 0o755); err != nil {
		return err
	}
	rc := mutate.Extract(img)
	defer rc.Close()
	if err := untar(rc, rootfs); err != nil {
		return err
	}
	fmt.Printf("rootfs:      %s\n", rootfs)
	return nil
}

func imageField(field, path string) error {
	img, err := tarball.ImageFromPath(path, nil)
	if err != nil {
		return err
	}
	cf, err := img.ConfigFile()
	if err != nil {
		return err
	}
	items := cf.Config.Env
	if field == "image-entrypoint" {
		items = append(append([]string{}, cf.Config.Entrypoint...), cf.Config.Cmd...)
	}
	for _, item := range items {
		fmt.Println(item)
	}
	return nil
}

func compose(files []string) error {
	opts, err := cli.NewProjectOptions(files,
		cli.WithOsEnv,
		cli.WithDotEnv,
		cli.WithName("facet"),
		cli.WithResolvedPaths(true),
		cli.WithProfiles([]string{"*"}),
	)
	if err != nil {
		return err
	}
	project, err := opts.LoadProject(context.Background())
	if err != nil {
		return err
	}
	names := project.ServiceNames()
	sort.Strings(names)
	for _, name := range names {
		s := project.Services[name]
		var deps []string
		for dep, d := range s.DependsOn {
			deps = append(deps, dep+"("+d.Condition+")")
		}
		sort.Strings(deps)
		fmt.Printf("  %-22s image=%s depends_on=%s healthcheck=%t\n", name, s.Image, strings.Join(deps, ","), s.HealthCheck != nil)
	}
	fmt.Printf("compose: %d services, %d volumes\n", len(project.Services), len(project.Volumes))
	return nil
}

func schemas(wheel, version, to string) error {
	abs, err := filepath.Abs(to)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		return err
	}
	zr, err := zip.OpenReader(wheel)
	if err != nil {
		return err
	}
	defer zr.Close()
	prefix := "kubernetes_validate/kubernetes-json-schema/v" + version + "-local-strict/"
	n := 0
	for _, f := range zr.File {
		if !strings.HasPrefix(f.Name, prefix) || !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		name := strings.TrimPrefix(f.Name, prefix)
		if strings.Contains(name, "/") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		raw, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		// The published $id (https://kubernetes.io/api/...) would send every reference to the
		// network; a file URL keeps them beside the file.
		doc["$id"] = "file://" + filepath.ToSlash(filepath.Join(abs, name))
		out, err := json.Marshal(rewriteRefs(doc))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(abs, name), out, 0o644); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("no schemas for Kubernetes %s in %s", version, wheel)
	}
	fmt.Printf("k8s schemas: Kubernetes %s, %d files in %s\n", version, n, abs)
	return nil
}

// rewriteRefs turns "/api/_definitions.json#..." into "_definitions.json#...".
func rewriteRefs(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if s, ok := x.(string); ok && k == "$ref" && strings.HasPrefix(s, "/api/") {
				t[k] = strings.TrimPrefix(s, "/api/")
			} else {
				t[k] = rewriteRefs(x)
			}
		}
	case []any:
		for i, x := range t {
			t[i] = rewriteRefs(x)
		}
	}
	return v
}
