package org.compactproofs.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.compactproofs.checker.RepositoryFiles;
import org.junit.jupiter.api.Test;

/** The model written by PyTorch's safetensors package loads unchanged and means what PyTorch meant. */
class FixtureTest {
    private static final ModelReader.ModelFile FIXTURE = ModelReader.read(RepositoryFiles.pytorchFixture());

    @Test
    void readsThePytorchFile() {
        Model m = FIXTURE.model();
        assertEquals(64, m.vocab());
        assertEquals(4, m.context());
        assertEquals(32, m.dModel());
        assertEquals(32, m.dHead());
        assertEquals("7", m.metadata().get("seed"));
        assertEquals("f07dbca93ddf7bd71dffcb399f5cdd10f5d53436d679b5d4cc1f6b1f9d2414db", FIXTURE.sha256());
    }
}
