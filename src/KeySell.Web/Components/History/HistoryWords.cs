using System.Globalization;
using System.Text.Json;
using KeySell.Application.History;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Web.Components.Opportunities;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Components.History;

/// <summary>
/// One change in words: whom or what it concerns (a person on the deal, a strength's text), what
/// happened or which field changed, and the old and new values in the reader's language. Roles
/// are kept as roles so the panel can draw them as C U T E badges.
/// </summary>
public sealed record HistoryPhrase(string? Subject, string What, string? Old, string? New, BuyingRoles? OldRoles = null, BuyingRoles? NewRoles = null)
{
    public bool IsChange => Old is not null || New is not null || OldRoles is not null || NewRoles is not null;
}

/// <summary>
/// Puts history lines into words. Field names and method values come from the resources
/// (<c>History.Field.support</c>, <c>Enum.ResponseMode.growth</c>), so English and Chinese read the same change.
/// </summary>
/// <param name="ownEntity">The entity of the page's own record (<c>opportunity</c>…), whose lines need no subject.</param>
public sealed class HistoryWords(IStringLocalizer<UiText> text, CultureInfo culture, Func<string, string?> nameOf, string? ownEntity = null)
{
    private const int LongText = 80;

    // Which method enum a field holds, by entity where one name means two things (status of a person, of an objection).
    private static string? EnumOf(string entity, string field) => (entity, field) switch
    {
        (_, "influence") => "InfluenceLevel",
        (_, "contact") => "ContactLevel",
        (_, "mode") => "ResponseMode",
        (_, "funnelLevel") => "FunnelLevel",
        (_, "engagement") => "Engagement",
        (_, "expectedOutcome") => "ExpectedOutcome",
        ("objection", "status") => "ObjectionStatus",
        (_, "status") => "PersonStatus",
        ("relation", "type") => "RelationType",
        ("share", "access") => "ShareAccess",
        _ => null,
    };

    public HistoryPhrase Describe(HistoryLine line)
    {
        var subject = SubjectOf(line);
        if (line.Action != ChangeActions.Updated)
            return new HistoryPhrase(subject, string.Format(culture, text[$"History.Action.{line.Action}"], EntityLabel(line.Entity)), null, null);

        var field = line.Field ?? "";
        if (field == "roles")
            return new HistoryPhrase(subject, FieldLabel(field), null, null, Roles(line.Old), Roles(line.New));
        return new HistoryPhrase(subject, FieldLabel(field), Value(line.Entity, field, line.Old), Value(line.Entity, field, line.New));
    }

    public string FieldLabel(string field)
    {
        var label = text[$"History.Field.{field}"];
        return label.ResourceNotFound ? field : label.Value;
    }

    public string EntityLabel(string entity)
    {
        var label = text[$"History.Entity.{entity}"];
        return label.ResourceNotFound ? entity : label.Value;
    }

    /// <summary>The person an influence is about, a strength's text, a department's name…; null for the page's own record.</summary>
    private string? SubjectOf(HistoryLine line)
    {
        if (line.Entity == ownEntity) return null;
        if (nameOf(line.EntityId) is { } known) return known;
        var record = line.New ?? line.Old;
        if (line.Action == ChangeActions.Updated || record is not { ValueKind: JsonValueKind.Object } whole) return null;
        foreach (var id in new[] { "personId", "userId" })
        {
            if (whole.TryGetProperty(id, out var reference) && reference.ValueKind == JsonValueKind.String && nameOf(reference.GetString()!) is { } name) return name;
        }
        foreach (var words in new[] { "name", "text" })
        {
            if (whole.TryGetProperty(words, out var value) && value.ValueKind == JsonValueKind.String) return Quote(value.GetString()!);
        }
        return null;
    }

    private static BuyingRoles? Roles(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Array } list) return value is null ? null : BuyingRoles.None;
        var roles = BuyingRoles.None;
        foreach (var id in list.EnumerateArray())
        {
            if (id.ValueKind == JsonValueKind.String && MethodIds.TryParse<BuyingRoles>(id.GetString(), out var role)) roles |= role;
        }
        return roles;
    }

    /// <summary>A recorded JSON value as the reader expects to see it; "?" for an unknown (null) value.</summary>
    public string Value(string entity, string field, JsonElement? value)
    {
        if (value is not { } json || json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return "?";
        switch (json.ValueKind)
        {
            case JsonValueKind.Number when field == "support" && json.TryGetInt32(out var support):
                return SheetFormat.Support(support);
            case JsonValueKind.Number when json.TryGetDecimal(out var number):
                return SheetFormat.Number(number, culture);
            case JsonValueKind.True or JsonValueKind.False:
                return text[json.GetBoolean() ? "History.Yes" : "History.No"];
            case JsonValueKind.Array:
                var items = json.EnumerateArray().Select(item => Value(entity, field, item)).ToList();
                return items.Count == 0 ? "–" : string.Join(field == "addresses" ? ", " : "; ", items);
            case JsonValueKind.String:
                var raw = json.GetString()!;
                if (EnumOf(entity, field) is { } enumName)
                {
                    var label = text[$"Enum.{enumName}.{raw}"];
                    return label.ResourceNotFound ? raw : label.Value;
                }
                if (field.EndsWith("Id", StringComparison.Ordinal)) return nameOf(raw) ?? "…";
                if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    return SheetFormat.Date(date, culture);
                return Quote(raw);
            default:
                return json.GetRawText();
        }
    }

    private static string Quote(string words) =>
        "\u201C" + (words.Length > LongText ? words[..LongText].TrimEnd() + "…" : words) + "\u201D";
}
