package cn.nmsdz.scoring.domain.model;

/** A figure the rule needed and did not find in the basis. */
public record MissingInput(String metric, String region, int year) {
}
