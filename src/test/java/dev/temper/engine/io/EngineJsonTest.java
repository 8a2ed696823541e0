package dev.temper.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.SplitPlan;
import dev.temper.engine.model.ModelManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model manifests and dataset file headers are hashed: the shared mapper must write them byte for byte as before. */
class EngineJsonTest {

    @TempDir
    Path temp;

    @Test
    void aManifestIsWrittenIndentedAsItAlwaysWas() throws IOException {
        ModelManifest manifest = new ModelManifest(ModelManifest.MLP, 2, List.of(2), List.of(), List.of(4), 2,
                List.of("cat", "dog"), new float[] {0.5f, -1f}, new float[] {1f, 2.5f}, 0, 0.1, null,
                "serving_default", "features", "logits", "2.18.0", "0.33.0");

        manifest.write(temp);

        assertThat(Files.readString(temp.resolve(ModelManifest.FILE_NAME))).isEqualTo("""
                {
                  "architecture" : "mlp",
                  "inputDim" : 2,
                  "inputShape" : [ 2 ],
                  "convFilters" : [ ],
                  "hiddenWidths" : [ 4 ],
                  "classCount" : 2,
                  "classNames" : [ "cat", "dog" ],
                  "featureMean" : [ 0.5, -1.0 ],
                  "featureStd" : [ 1.0, 2.5 ],
                  "frozenLayers" : 0,
                  "fgsmEpsilon" : 0.1,
                  "parentSha256" : null,
                  "signature" : "serving_default",
                  "inputName" : "features",
                  "outputName" : "logits",
                  "tensorflowVersion" : "2.18.0",
                  "djlVersion" : "0.33.0"
                }""");
        assertThat(ModelManifest.read(temp).classNames()).containsExactly("cat", "dog");
    }

    @Test
    void aDatasetHeaderIsCompact() throws IOException {
        DatasetHeader header = new DatasetHeader(DataKind.TABULAR, List.of(2), List.of("x", "y"), List.of("a", "b"),
                false, new SplitPlan(0.7, 0.15, 0.15, 7), 10);

        assertThat(EngineJson.mapper().writeValueAsString(header)).isEqualTo("{\"kind\":\"TABULAR\",\"shape\":[2],"
                + "\"featureNames\":[\"x\",\"y\"],\"classNames\":[\"a\",\"b\"],\"uint8\":false,"
                + "\"splits\":{\"train\":0.7,\"validation\":0.15,\"test\":0.15,\"seed\":7},\"sampleCount\":10}");
    }
}
