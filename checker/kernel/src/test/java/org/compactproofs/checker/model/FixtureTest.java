package org.compactproofs.checker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The fixture's documented smallest margin: -1.008e-5 at (32, 25, 30, 17), so the model is wrong there. */
    @Test
    void smallestMarginInputIsWrongByTheDocumentedMargin() {
        int[] x = {32, 25, 30, 17};
        double[] logits = ForwardPass.logits(FIXTURE.model(), x);
        double best = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < 64; o++) {
            if (o != 32) {
                best = Math.max(best, logits[o]);
            }
        }
        double margin = logits[32] - best;
        assertEquals(-1.008e-5, margin, 0.001e-5);
        assertFalse(ForwardPass.isCorrect(FIXTURE.model(), x));
        assertTrue(ForwardPass.isCorrect(FIXTURE.model(), new int[] {1, 2, 3, 63}));
    }
}
