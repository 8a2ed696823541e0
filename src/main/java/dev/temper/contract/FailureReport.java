package dev.temper.contract;

public record FailureReport(String message) {
}
