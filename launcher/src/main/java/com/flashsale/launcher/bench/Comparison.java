package com.flashsale.launcher.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A figure of the pipeline next to the same figure of its baseline on the same machine.
 *
 * @param product  the pipeline's figure, for example events per second
 * @param baseline the baseline's figure in the same unit
 */
public record Comparison(double product, double baseline) {

    /** Returns {@code product / baseline}, or NaN when the baseline is zero or either is missing. */
    @JsonProperty
    public double ratio() {
        if (!(baseline > 0) || Double.isNaN(product)) {
            return Double.NaN;
        }
        return product / baseline;
    }
}
