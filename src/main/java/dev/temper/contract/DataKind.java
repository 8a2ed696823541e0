package dev.temper.contract;

/** What one sample of a dataset is: a row of numeric features or an image. */
public enum DataKind {
    TABULAR, IMAGE
}
