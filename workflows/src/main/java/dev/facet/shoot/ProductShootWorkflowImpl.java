package dev.facet.shoot;

/** Placeholder; the real workflow lands next. */
public class ProductShootWorkflowImpl implements ProductShootWorkflow {

  @Override
  public ShootResult run(ShootRequest request) {
    throw new UnsupportedOperationException("TODO: workflow");
  }

  @Override
  public void decision(Decision decision) {}

  @Override
  public DecisionReceipt decide(Decision decision) {
    throw new UnsupportedOperationException("TODO: workflow");
  }

  @Override
  public void validateDecide(Decision decision) {}

  @Override
  public ShootState state() {
    throw new UnsupportedOperationException("TODO: workflow");
  }
}
