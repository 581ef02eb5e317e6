package dev.facet.model;

/** A finished image of one shot for one sales channel. */
public record ChannelImage(String shot, String channel, String candidateId, ImageRef image) {}
