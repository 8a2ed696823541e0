package dev.temper.engine.evaluation.attacks;

/** An evasion attack: returns one candidate adversarial input per example, within epsilon of it in the attack's norm. */
public interface Attack {

    /** Short stable name used as a key in reports, e.g. "fgsm". */
    String name();

    float[][] perturb(AttackTarget target, float[][] inputs, int[] labels, double epsilon);
}
