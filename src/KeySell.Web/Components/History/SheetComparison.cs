using System.Globalization;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Sheets;
using KeySell.Web.Components.Opportunities;
using KeySell.Web.Components.Shared;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Components.History;

/// <summary>What differs between two sheets: one line per changed field, influence or list item.</summary>
/// <param name="Section">objective, influence or lists, so the reader finds the change where it sits on the sheet.</param>
/// <param name="Kind">changed, added or removed.</param>
public sealed record SheetDifference(string Section, string? Subject, string Kind, string What, string? Old, string? New,
    BuyingRoles? OldRoles = null, BuyingRoles? NewRoles = null);

/// <summary>
/// Compares the sheet at two instants in the reader's language. Influences are matched by their
/// sheet key, list items by their text: an edited strength reads as one removed and one added,
/// which is how the lists are saved.
/// </summary>
public sealed class SheetComparison(IStringLocalizer<UiText> text, IStringLocalizer<SheetText> sheet, CultureInfo culture)
{
    public IReadOnlyList<SheetDifference> Between(StrategySheet before, StrategySheet after)
    {
        var lines = new List<SheetDifference>();
        Objective(before.Opportunity, after.Opportunity, lines);
        Influences(before, after, lines);
        Items(sheet["Lists.Strengths"], before.Strengths.Select(s => s.Text), after.Strengths.Select(s => s.Text), lines);
        Items(sheet["Lists.RedFlags"], before.RedFlags.Select(f => f.Text), after.RedFlags.Select(f => f.Text), lines);
        Items(sheet["Lists.Objections"], before.Objections.Select(x => x.Text), after.Objections.Select(x => x.Text), lines);
        return lines;
    }

    private void Objective(SheetOpportunity a, SheetOpportunity b, List<SheetDifference> lines)
    {
        void Field(string field, string? old, string? @new)
        {
            if (old != @new) lines.Add(new("objective", null, "changed", Label(field), old ?? "?", @new ?? "?"));
        }
        Field("name", a.Name, b.Name);
        Field("objective.product", a.Objective.Product, b.Objective.Product);
        Field("objective.quantity", Number(a.Objective.Quantity), Number(b.Objective.Quantity));
        Field("objective.amount", Number(a.Objective.Amount), Number(b.Objective.Amount));
        Field("objective.currency", a.Objective.Currency, b.Objective.Currency);
        Field("objective.closeDate", Day(a.Objective.CloseDate), Day(b.Objective.CloseDate));
        Field("engagement", Enum(a.Engagement), Enum(b.Engagement));
        Field("funnelLevel", text.Label(a.FunnelLevel), text.Label(b.FunnelLevel));
        Field("expectedOutcome", Enum(a.ExpectedOutcome), Enum(b.ExpectedOutcome));
    }

    private void Influences(StrategySheet before, StrategySheet after, List<SheetDifference> lines)
    {
        var old = before.Influences.ToDictionary(i => i.Id);
        foreach (var now in after.Influences)
        {
            if (!old.Remove(now.Id, out var was))
            {
                lines.Add(new("influence", now.Name, "added", text["History.Compare.InfluenceAdded"], null, null));
                continue;
            }
            void Field(string field, string? from, string? to)
            {
                if (from != to) lines.Add(new("influence", now.Name, "changed", Label(field), from ?? "?", to ?? "?"));
            }
            if (was.Roles != now.Roles) lines.Add(new("influence", now.Name, "changed", Label("roles"), null, null, was.Roles, now.Roles));
            Field("influence", Known(was.Influence), Known(now.Influence));
            Field("support", was.Support is { } s1 ? SheetFormat.Support(s1) : null, now.Support is { } s2 ? SheetFormat.Support(s2) : null);
            Field("contact", Known(was.Contact), Known(now.Contact));
            Field("mode", Known(was.Mode), Known(now.Mode));
            Field("counterpartId", was.Counterpart, now.Counterpart);
            Field("status", text.Label(was.Status), text.Label(now.Status));
            Field("since", Day(was.Since), Day(now.Since));
            Field("lastContact", Day(was.LastContact), Day(now.LastContact));
            Field("wins", string.Join("; ", was.Wins), string.Join("; ", now.Wins));
            Field("results", string.Join("; ", was.Results), string.Join("; ", now.Results));
        }
        foreach (var gone in old.Values)
            lines.Add(new("influence", gone.Name, "removed", text["History.Compare.InfluenceRemoved"], null, null));
    }

    private void Items(string list, IEnumerable<string> before, IEnumerable<string> after, List<SheetDifference> lines)
    {
        var was = before.ToList();
        var now = after.ToList();
        foreach (var added in now.Except(was)) lines.Add(new("lists", list, "added", text["History.Compare.ItemAdded"], null, "\u201C" + added + "\u201D"));
        foreach (var removed in was.Except(now)) lines.Add(new("lists", list, "removed", text["History.Compare.ItemRemoved"], "\u201C" + removed + "\u201D", null));
    }

    private string Label(string field) => text[$"History.Field.{field}"];

    private string? Number(decimal? value) => value is { } v ? SheetFormat.Number(v, culture) : null;

    private string? Day(DateOnly? date) => date is { } d ? SheetFormat.Date(d, culture) : null;

    private string? Enum<T>(T? value) where T : struct, System.Enum => value is { } v ? text.Label(v) : null;

    // "Unknown" is a gap, not a value: it compares as "?" like an empty cell.
    private string? Known<T>(T value) where T : struct, System.Enum => value.ToString() == "Unknown" ? null : text.Label(value);
}
