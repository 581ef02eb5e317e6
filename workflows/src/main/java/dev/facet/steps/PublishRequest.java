package dev.facet.steps;

import dev.facet.model.ChannelImage;
import dev.facet.model.ProductSpec;
import dev.facet.model.QaReport;
import java.util.List;

/**
 * @param approvedBy the reviewer, or "auto" when the policy approved
 */
public record PublishRequest(
    ShootKeys keys,
    String workflowId,
    ProductSpec product,
    int round,
    List<ChannelImage> finals,
    List<QaReport> qa,
    double costUsd,
    String approvedBy) {}
