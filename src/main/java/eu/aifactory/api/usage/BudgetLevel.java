package eu.aifactory.api.usage;

/**
 * Where a project stands against its month's budget, from (spent + committed) / budget: below 50 %, from 50 %,
 * from 80 %, and at or above 100 % (nothing more fits). A project without a budget is {@code OK}.
 */
public enum BudgetLevel {
    OK, WARN_50, WARN_80, EXCEEDED
}
