package dev.kitt.stack;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes maps and lists as block-style YAML with a header saying where the file came from. */
final class YamlFiles {
    private final Yaml yaml;
    private final String header;

    YamlFiles(String header) {
        DumperOptions opts = new DumperOptions();
        opts.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        opts.setIndent(2);
        opts.setIndicatorIndent(0);
        opts.setWidth(120);
        this.yaml = new Yaml(opts);
        this.header = header;
    }

    void write(Path file, Object tree) throws IOException {
        Files.writeString(file, header + yaml.dump(tree));
    }
}
