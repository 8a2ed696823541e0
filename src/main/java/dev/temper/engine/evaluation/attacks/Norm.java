package dev.temper.engine.evaluation.attacks;

/** The norm that bounds a perturbation: the largest change of any one value, or the Euclidean length. */
public enum Norm {
    LINF("L-inf"),
    L2("L2");

    private final String label;

    Norm(String label) {
        this.label = label;
    }

    /** How reports and the UI write it. */
    public String label() {
        return label;
    }
}
