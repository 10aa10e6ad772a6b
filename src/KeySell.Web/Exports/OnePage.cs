using System.Globalization;
using KeySell.Application.RedFlags;
using KeySell.Application.Sheets;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.RedFlags;
using KeySell.Web.Components.Opportunities;
using KeySell.Web.Components.Shared;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Exports;

/// <summary>One person's row of the printed grid, every value already in the reader's words.</summary>
public sealed record PageRow(string Name, string? Title, IReadOnlyList<string> RoleLetters, string Influence, int? Support, string SupportText,
    string Mode, string Contact, string LastContact, string Counterpart, string WinsResults);

public sealed record PageFlag(string? Person, string Message, string Action);

public sealed record PageFlagGroup(RedFlagSeverity Severity, string Label, IReadOnlyList<PageFlag> Flags);

public sealed record PageAction(string Text, string Due, string Owner, bool Overdue);

/// <summary>
/// The one-page strategy sheet as text in one language: what the PDF draws, built before any drawing so the PDF
/// knows every character it needs (its embedded font is cut down to them).
/// </summary>
public sealed record OnePage(
    string Title, string Subtitle, IReadOnlyList<(string Label, string Value)> Objective,
    IReadOnlyList<string> GridHeaders, IReadOnlyList<PageRow> Rows,
    string FlagsTitle, IReadOnlyList<PageFlagGroup> Flags,
    string StrengthsTitle, IReadOnlyList<string> Strengths,
    string ActionsTitle, IReadOnlyList<PageAction> Actions, string None)
{
    /// <summary>Every string the page draws, for the font subset.</summary>
    public IEnumerable<string> Texts()
    {
        yield return Title; yield return Subtitle; yield return FlagsTitle; yield return StrengthsTitle; yield return ActionsTitle; yield return None;
        foreach (var (label, value) in Objective) { yield return label; yield return value; }
        foreach (var h in GridHeaders) yield return h;
        foreach (var r in Rows)
        {
            yield return r.Name; yield return r.Title ?? ""; yield return r.Influence; yield return r.SupportText; yield return r.Mode;
            yield return r.Contact; yield return r.LastContact; yield return r.Counterpart; yield return r.WinsResults;
            foreach (var l in r.RoleLetters) yield return l;
        }
        foreach (var g in Flags)
        {
            yield return g.Label;
            foreach (var f in g.Flags) { yield return f.Person ?? ""; yield return f.Message; yield return f.Action; }
        }
        foreach (var s in Strengths) yield return s;
        foreach (var a in Actions) { yield return a.Text; yield return a.Due; yield return a.Owner; }
    }
}

/// <summary>
/// Words the one-page documents in a requested language with the pages' own resources (UiText, SheetText) and the
/// engine's red-flag words, so a label has one home whether it is on screen, in the PDF or in the Excel file.
/// </summary>
public sealed class OnePageWords(IStringLocalizer<UiText> ui, IStringLocalizer<SheetText> sheet)
{
    public IStringLocalizer<UiText> Ui => ui;
    public IStringLocalizer<SheetText> Sheet => sheet;

    /// <summary>Runs <paramref name="build"/> with the requested culture as the current one (localizers read it), then restores the caller's.</summary>
    public static T In<T>(CultureInfo culture, Func<T> build)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    /// <summary>+3, 0, −2; "?" for support nobody has judged (its dashed outline says the rest, as on screen).</summary>
    public static string Support(int? support) => support is { } s ? SheetFormat.Support(s) : "?";

    public string Date(DateOnly? date, CultureInfo culture) => date is { } d ? SheetFormat.ShortDate(d, culture) : "";

    public string Severity(RedFlagSeverity severity) => sheet["Severity." + severity.ToString().ToLowerInvariant()];

    /// <summary>The page of one deal in the current culture.</summary>
    public OnePage Page(OnePageSheet deal)
    {
        var culture = CultureInfo.CurrentUICulture;
        var s = deal.Sheet;
        var o = s.Opportunity;
        var amount = o.Objective.Amount is { } a ? Display.Money(a, o.Objective.Currency, culture) : "";
        var close = o.Objective.CloseDate is { } c ? Display.Date(c, culture) : "";
        var subtitle = string.Join("  ·  ", new[]
        {
            o.Account, ui.Label(o.FunnelLevel), amount, close.Length > 0 ? $"{sheet["Objective.CloseDate"]} {close}" : "",
            deal.Owner is { } owner ? $"{sheet["Objective.Owner"]} {owner}" : "",
        }.Where(x => x.Length > 0));

        var objective = new List<(string, string)>
        {
            (sheet["Objective.Product"], o.Objective.Product ?? ""),
            (sheet["Objective.Quantity"], o.Objective.Quantity is { } q ? SheetFormat.Number(q, culture) : ""),
            (sheet["Objective.Amount"], amount),
            (sheet["Objective.CloseDate"], close),
            (sheet["Objective.Engagement"], o.Engagement is { } e ? ui.Label(e) : ""),
            (sheet["Objective.ExpectedOutcome"], o.ExpectedOutcome is { } x ? ui.Label(x) : ""),
        };

        string[] headers =
        [
            sheet["Grid.Person"], sheet["Grid.Roles"], sheet["Grid.Influence"], sheet["Grid.Support"], sheet["Grid.Mode"],
            sheet["Grid.Contact"], sheet["Grid.LastContact"], sheet["Grid.Counterpart"], $"{sheet["Grid.Wins"]} / {sheet["Grid.Results"]}",
        ];
        var rows = s.Influences.Select(i => new PageRow(
            i.Name, i.Title, i.Roles.Split().Select(r => ui.Letter(r)).ToList(), ui.Label(i.Influence), i.Support, Support(i.Support),
            $"{i.Mode.Symbol()} {ui.Label(i.Mode)}", ui.Label(i.Contact), Date(i.LastContact, culture), i.Counterpart ?? "",
            string.Join(" · ", i.Wins.Concat(i.Results)))).ToList();

        var flags = FlagLine.Of(deal.Analysis, culture)
            .GroupBy(f => f.Severity).OrderBy(g => g.Key)
            .Select(g => new PageFlagGroup(g.Key, Severity(g.Key), g.Select(f => new PageFlag(f.PersonName, f.Message, f.Action)).ToList()))
            .ToList();

        var today = s.AsOf ?? DateOnly.MinValue;
        var actions = s.Actions.Where(x => x.Status == ActionStatus.Open)
            .OrderBy(x => x.Due ?? DateOnly.MaxValue)
            .Select(x => new PageAction(x.Text, Date(x.Due, culture), x.Owner ?? "", ActionDue.IsOverdue(x.Status, x.Due, today))).ToList();

        return new OnePage(o.Name, subtitle, objective, headers, rows,
            sheet["Flags.Title"], flags, sheet["Lists.Strengths"], s.Strengths.Select(x => x.Text).ToList(),
            sheet["Actions.Title"], actions, sheet["Common.None"]);
    }
}
