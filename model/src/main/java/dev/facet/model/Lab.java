package dev.facet.model;

/** A CIE L*a*b* colour (D65). */
public record Lab(double l, double a, double b) {}
