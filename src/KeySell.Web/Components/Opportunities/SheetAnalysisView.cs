using System.Globalization;
using KeySell.Application.RedFlags;
using KeySell.Domain.Funnel;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Web.Components.Opportunities;

/// <summary>One red flag as the sheet shows it: how grave, whom it concerns, what is wrong, what to do, and which strengths answer it.</summary>
public sealed record FlagLine(string Id, RedFlagSeverity Severity, string? InfluenceKey, string? PersonName, string Message, string Action, IReadOnlyList<string> AddressedBy)
{
    /// <summary>Every flag of a judged sheet in the engine's words in <paramref name="culture"/>: the sheet, the PDF and the workbook read these.</summary>
    public static IReadOnlyList<FlagLine> Of(SheetAnalysis analysis, CultureInfo culture)
    {
        var words = new RedFlagWords(culture);
        return analysis.RedFlags
            .Select(flag =>
            {
                var (message, action) = words.Describe(flag, analysis);
                return new FlagLine(flag.Id, RedFlagSeverities.Of(flag.Id), flag.Influence?.Id, flag.Influence?.Name, message, action, flag.AddressedBy);
            })
            .ToList();
    }
}

/// <summary>
/// Judges the sheet exactly as it stands on screen, with the same engine as the CLI and the API,
/// so the seller sees a flag appear or disappear the moment they change a cell.
/// </summary>
public sealed record SheetAnalysisView(IReadOnlyList<FlagLine> Flags, FunnelVerdict Funnel)
{
    /// <param name="analyzer">The team's analyzer, so thresholds set in configuration apply on screen too.</param>
    public static SheetAnalysisView Of(SheetSession session, DateOnly today, CultureInfo culture, StrategyAnalyzer analyzer)
    {
        var analysis = analyzer.Analyze(ToSheet(session), today);
        return new SheetAnalysisView(FlagLine.Of(analysis, culture), analysis.Funnel);
    }

    /// <summary>The sheet as it stands on screen, in the method's own form: what is judged, and what a reader without write access sees.</summary>
    public static StrategySheet ToSheet(SheetSession session)
    {
        var o = session.Opportunity;
        var stored = session.Stored;
        var sheet = new StrategySheet(
            null,
            new SheetOpportunity(o.Name, o.AccountName, o.IdealCustomerScore,
                new SheetObjective(o.Product, o.Quantity, o.Amount, o.Currency, o.CloseDate), o.Engagement, o.FunnelLevel, o.ExpectedOutcome)
            { CreatedOn = o.CreatedOn },
            session.Influences.Select(i => new SheetInfluence(i.Key, i.PersonName, i.PersonTitle, i.Roles, i.Influence, i.Support, i.Contact, i.Mode,
                i.CounterpartId is null ? null : session.ColleagueName(i.CounterpartId) ?? "?", i.PersonStatus, i.Since, i.LastContact, [.. i.Wins], [.. i.Results]) { Seniority = i.Seniority }).ToList(),
            session.Strengths.Where(s => s.Text.Length > 0).Select(s => new SheetStrength(s.Text, [.. s.Addresses])).ToList(),
            session.Objections.Select(x => new SheetObjection(x.FromKey, x.Text, x.Status) { Steps = [.. x.Steps], Answer = x.Answer }).ToList(),
            session.RedFlags.Select(f => new SheetRedFlag(f.Text, f.InfluenceKey)).ToList());
        // A stored deal is a version-2 sheet: the session's drafts (the creation day, seniorities, objection steps and
        // calls are drafted on the page) over the stored parts (SheetSession.Stored, read again after a panel saves).
        return sheet with
        {
            Version = 2,
            Milestones = stored?.Milestones ?? [],
            Calls = session.Calls.Select(c => c.ToSheet()).ToList(),
            Actions = stored?.Actions ?? [],
            Needs = stored?.Needs,
            Swot = stored?.Swot ?? SheetSwot.Empty,
            InfluenceLines = stored?.InfluenceLines ?? [],
        };
    }
}
