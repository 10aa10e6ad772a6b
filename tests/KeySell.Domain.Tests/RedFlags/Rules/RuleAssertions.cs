using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

using KeySell.Domain.Tests.Sheets;

namespace KeySell.Domain.Tests.RedFlags.Rules;

internal static class RuleAssertions
{
    /// <summary>Runs one rule alone on a sheet and returns the flags it raised.</summary>
    public static List<RedFlag> Run(this IRedFlagRule rule, StrategySheet sheet, AnalysisSettings? settings = null, DateOnly? asOf = null)
    {
        var found = new List<RedFlag>();
        rule.Find(new RuleContext(sheet, asOf ?? TestSheets.AsOf, settings ?? AnalysisSettings.Default), found);
        found.ShouldAllBe(f => f.Id == rule.Id);
        return found;
    }

    public static string?[] People(this List<RedFlag> flags) => flags.Select(f => f.Influence?.Id).ToArray();
}
