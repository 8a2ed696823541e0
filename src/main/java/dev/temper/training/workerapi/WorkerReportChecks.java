package dev.temper.training.workerapi;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.EpochReport;
import dev.temper.contract.MetricBatch;
import dev.temper.contract.MetricPoint;

/**
 * What a worker reports is a claim, checked before it is stored: a buggy or hostile worker must not be able to put an
 * epoch 2,000,000,000 on a job of 10, an accuracy of 99, or a NaN into the learning curves reviewers read.
 */
final class WorkerReportChecks {

    private WorkerReportChecks() {
    }

    static void requirePlausible(MetricBatch batch, int epochsTotal) {
        int lastEpoch = Math.max(epochsTotal, 1);
        for (EpochReport epoch : batch.epochs()) {
            requireEpoch(epoch.epoch(), 1, lastEpoch, "epochs[].epoch");
            requireFinite(epoch.trainLoss(), "epochs[].trainLoss");
            requireAccuracy(epoch.trainAccuracy(), "epochs[].trainAccuracy");
            // A dataset without a validation split has no validation figures: NaN says so, anything else must be real.
            requireFiniteOrNaN(epoch.validationLoss(), "epochs[].validationLoss");
            if (!Double.isNaN(epoch.validationAccuracy())) {
                requireAccuracy(epoch.validationAccuracy(), "epochs[].validationAccuracy");
            }
            if (epoch.learningRate() != null) {
                requireFinite(epoch.learningRate(), "epochs[].learningRate");
            }
            if (epoch.robustAccuracy() != null) {
                requireAccuracy(epoch.robustAccuracy(), "epochs[].robustAccuracy");
            }
        }
        for (MetricPoint point : batch.points()) {
            requireEpoch(point.epoch(), 0, lastEpoch, "points[].epoch");
            if (point.step() < 0) {
                throw ProblemException.badRequest("points[].step must be >= 0, was " + point.step());
            }
            requireFinite(point.value(), "points[].value");
        }
    }

    private static void requireEpoch(int epoch, int first, int last, String field) {
        if (epoch < first || epoch > last) {
            throw ProblemException.badRequest(field + " must be between " + first + " and " + last
                    + " (the job's epochs), was " + epoch);
        }
    }

    private static void requireAccuracy(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw ProblemException.badRequest(field + " must be in [0, 1], was " + value);
        }
    }

    private static void requireFinite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw ProblemException.badRequest(field + " must be a finite number, was " + value);
        }
    }

    private static void requireFiniteOrNaN(double value, String field) {
        if (Double.isInfinite(value)) {
            throw ProblemException.badRequest(field + " must be a finite number (or NaN when there is no validation split),"
                    + " was " + value);
        }
    }
}
