package dev.temper.serving;

import dev.temper.base.problem.ProblemException;

/** Input rows bounded before they reach the model: a count the server allows, the model's width, finite values. */
final class RowCheck {

    private RowCheck() {
    }

    static void check(float[][] rows, ServedModel model, int maxRows) {
        if (rows == null || rows.length == 0) {
            throw ProblemException.badRequest("rows: give at least one row of input values");
        }
        if (rows.length > maxRows) {
            throw ProblemException.badRequest("rows: at most " + maxRows + " per request, got " + rows.length);
        }
        int width = model.predictor().manifest().inputDim();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != width) {
                throw ProblemException.badRequest("rows[" + i + "]: " + model.label() + " takes " + width
                        + " values per row, got " + (rows[i] == null ? "none" : rows[i].length));
            }
            for (int j = 0; j < width; j++) {
                if (!Float.isFinite(rows[i][j])) {
                    throw ProblemException.badRequest("rows[" + i + "][" + j + "]: not a finite number");
                }
            }
        }
    }
}
