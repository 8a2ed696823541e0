package dev.temper.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.base.Json;
import dev.temper.base.problem.JsonProblems;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.training.executor.JobResources;
import java.util.Iterator;
import java.util.Map;

/**
 * A job as the REST API takes it. {@code strategy} is the engine's strategy as JSON, and any part left
 * out keeps its default, so {@code {"epochs": 5, "adversarial": {"method": "PGD", "epsilon": 0.1}}} is a
 * complete request; what the engine refuses comes back as a 400 naming the field.
 */
public record JobRequest(JobKind kind, String modelName, Long datasetVersionId, Long baseModelVersionId,
        JsonNode architecture, JsonNode strategy, String team, Integer priority, JsonNode resources,
        Integer maxRuntimeMinutes, Integer maxRetries) {

    JobSubmission toSubmission() {
        if (kind == null) {
            throw ProblemException.badRequest("kind: PRETRAIN or FINETUNE");
        }
        ArchitectureSpec parsedArchitecture = architecture == null || architecture.isNull()
                ? null : parse(architecture, ArchitectureSpec.class, "architecture");
        ObjectNode merged = Json.tree(TrainingSettings.defaultStrategy());
        if (strategy != null && !strategy.isNull()) {
            if (!strategy.isObject()) {
                throw ProblemException.badRequest("strategy: an object such as {\"epochs\": 10}");
            }
            overlay(merged, (ObjectNode) strategy);
        }
        return new JobSubmission(kind, modelName, datasetVersionId, baseModelVersionId, parsedArchitecture,
                parse(merged, TrainingStrategy.class, "strategy"), team, scheduling());
    }

    /** Priority, resources and limits; any left out keep {@link JobScheduling#DEFAULT}'s. */
    private JobScheduling scheduling() {
        JobScheduling defaults = JobScheduling.DEFAULT;
        ObjectNode mergedResources = Json.tree(defaults.resources());
        if (resources != null && !resources.isNull()) {
            if (!resources.isObject()) {
                throw ProblemException.badRequest("resources: an object such as {\"gpus\": 1, \"cpu\": 4, \"memoryMiB\": 8192}");
            }
            overlay(mergedResources, (ObjectNode) resources);
        }
        JobResources parsedResources = parse(mergedResources, JobResources.class, "resources");
        try {
            return new JobScheduling(priority == null ? defaults.priority() : priority, parsedResources,
                    maxRuntimeMinutes == null ? defaults.maxRuntimeMinutes() : maxRuntimeMinutes,
                    maxRetries == null ? defaults.maxRetries() : maxRetries);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    /** Copies the request's fields over the defaults, part by part. */
    private static void overlay(ObjectNode target, ObjectNode source) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = source.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = target.get(field.getKey());
            if (existing instanceof ObjectNode existingObject && field.getValue() instanceof ObjectNode value) {
                overlay(existingObject, value);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static <T> T parse(JsonNode node, Class<T> type, String field) {
        try {
            return Json.fromTree(node, type);
        } catch (Exception e) {
            throw ProblemException.badRequest(field + ": " + rootMessage(e));
        }
    }

    /** The engine's own message (it names the field), not Jackson's wrapping of it. */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException) {
            return cause.getMessage();
        }
        if (e instanceof JsonProcessingException json) {
            return JsonProblems.describe(json);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int location = message.indexOf(" at [Source");
        String firstPart = location > 0 ? message.substring(0, location).strip()
                : message.lines().findFirst().orElse(message);
        // `dev.temper.engine.OptimizerSpec$Kind` reads as `Kind`: no Java class names for the user.
        return firstPart.replaceAll("`(?:[\\w$]+[.$])+([\\w]+)`", "$1");
    }
}
