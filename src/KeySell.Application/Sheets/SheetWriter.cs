using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Sheets;

/// <summary>
/// Writes a sheet in the contract's JSON, always as version 2 (<c>keysell.strategy-sheet/2</c>, whatever version it
/// was read as): camelCase, indented, every field present (unknowns as <c>null</c>) in the contract's order, so
/// sheets diff cleanly and read back unchanged.
/// </summary>
public static class SheetWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Names like 李伟 stay readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(StrategySheet sheet)
    {
        using var buffer = new MemoryStream();
        Write(sheet, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(StrategySheet sheet, Stream utf8Output)
    {
        using var json = new Utf8JsonWriter(utf8Output, Options);
        json.WriteStartObject();
        json.WriteString("schema", SheetReader.Schema);
        if (sheet.AsOf is { } asOf) json.WriteString("asOf", Date(asOf));

        var opportunity = sheet.Opportunity;
        json.WriteStartObject("opportunity");
        json.WriteString("name", opportunity.Name);
        json.WriteString("account", opportunity.Account);
        Number(json, "idealCustomerScore", opportunity.IdealCustomerScore);
        json.WriteStartObject("objective");
        json.WriteString("product", opportunity.Objective.Product);
        Number(json, "quantity", opportunity.Objective.Quantity);
        Number(json, "amount", opportunity.Objective.Amount);
        json.WriteString("currency", opportunity.Objective.Currency);
        DateOrNull(json, "closeDate", opportunity.Objective.CloseDate);
        json.WriteEndObject();
        json.WriteString("engagement", opportunity.Engagement?.ToId());
        json.WriteString("funnelLevel", opportunity.FunnelLevel.ToId());
        json.WriteString("expectedOutcome", opportunity.ExpectedOutcome?.ToId());
        DateOrNull(json, "createdOn", opportunity.CreatedOn);
        json.WriteEndObject();

        json.WriteStartArray("influences");
        foreach (var influence in sheet.Influences)
        {
            json.WriteStartObject();
            json.WriteString("id", influence.Id);
            json.WriteString("name", influence.Name);
            json.WriteString("title", influence.Title);
            Strings(json, "roles", influence.Roles.Split().Select(r => r.ToId()));
            json.WriteString("influence", influence.Influence.ToId());
            if (influence.Support is { } support) json.WriteNumber("support", support);
            else json.WriteNull("support");
            json.WriteString("contact", influence.Contact.ToId());
            json.WriteString("mode", influence.Mode.ToId());
            json.WriteString("counterpart", influence.Counterpart);
            json.WriteString("status", influence.Status.ToId());
            DateOrNull(json, "since", influence.Since);
            DateOrNull(json, "lastContact", influence.LastContact);
            Strings(json, "wins", influence.Wins);
            Strings(json, "results", influence.Results);
            json.WriteString("seniority", influence.Seniority.ToId());
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("strengths");
        foreach (var strength in sheet.Strengths)
        {
            json.WriteStartObject();
            json.WriteString("text", strength.Text);
            Strings(json, "addresses", strength.Addresses);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("objections");
        foreach (var objection in sheet.Objections)
        {
            json.WriteStartObject();
            json.WriteString("from", objection.From);
            json.WriteString("text", objection.Text);
            json.WriteString("status", objection.Status.ToId());
            Strings(json, "steps", objection.Steps.Order().Select(s => s.ToId()));
            json.WriteString("answer", objection.Answer?.ToId());
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("redFlags");
        foreach (var flag in sheet.RedFlags)
        {
            json.WriteStartObject();
            json.WriteString("text", flag.Text);
            json.WriteString("influence", flag.Influence);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        WriteToolkit(json, sheet);
        json.WriteEndObject();
    }

    /// <summary>The version-2 lists, after the red flags, in the contract's order.</summary>
    private static void WriteToolkit(Utf8JsonWriter json, StrategySheet sheet)
    {
        json.WriteStartArray("milestones");
        // In the method's order, whatever order they were recorded in: the next milestone is read off this order.
        foreach (var milestone in sheet.Milestones.OrderBy(m => m.Id))
        {
            json.WriteStartObject();
            json.WriteString("id", milestone.Id.ToId());
            DateOrNull(json, "done", milestone.Done);
            json.WriteString("evidence", milestone.Evidence);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("calls");
        foreach (var call in sheet.Calls)
        {
            json.WriteStartObject();
            json.WriteString("id", call.Id);
            json.WriteString("date", Date(call.Date));
            Strings(json, "with", call.With);
            json.WriteString("status", call.Status.ToId());
            json.WriteString("commitment", call.Commitment);
            json.WriteStartArray("questions");
            foreach (var question in call.Questions)
            {
                json.WriteStartObject();
                json.WriteString("type", question.Type.ToId());
                json.WriteString("text", question.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteString("outcome", call.Outcome?.ToId());
            json.WriteString("notes", call.Notes);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartArray("actions");
        foreach (var action in sheet.Actions)
        {
            json.WriteStartObject();
            json.WriteString("id", action.Id);
            json.WriteString("text", action.Text);
            json.WriteString("owner", action.Owner);
            DateOrNull(json, "due", action.Due);
            json.WriteString("status", action.Status.ToId());
            json.WriteString("influence", action.Influence);
            Strings(json, "addresses", action.Addresses);
            json.WriteEndObject();
        }
        json.WriteEndArray();

        if (sheet.Needs is { } needs)
        {
            json.WriteStartObject("needs");
            json.WriteString("currentState", needs.CurrentState);
            Needs(json, "branches", needs.Branches, firstLevel: true);
            json.WriteEndObject();
        }
        else json.WriteNull("needs");

        json.WriteStartObject("swot");
        Strings(json, "strengths", sheet.Swot.Strengths);
        Strings(json, "weaknesses", sheet.Swot.Weaknesses);
        Strings(json, "opportunities", sheet.Swot.Opportunities);
        Strings(json, "threats", sheet.Swot.Threats);
        json.WriteEndObject();

        json.WriteStartArray("influenceLines");
        foreach (var line in sheet.InfluenceLines)
        {
            json.WriteStartObject();
            json.WriteString("from", line.From);
            json.WriteString("to", line.To);
            json.WriteString("strength", line.Strength.ToId());
            json.WriteString("note", line.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>A level of the needs tree; only first-level branches carry their layer.</summary>
    private static void Needs(Utf8JsonWriter json, string name, IReadOnlyList<SheetNeed> nodes, bool firstLevel)
    {
        json.WriteStartArray(name);
        foreach (var node in nodes)
        {
            json.WriteStartObject();
            if (firstLevel) json.WriteString("layer", node.Layer?.ToId());
            json.WriteString("problem", node.Problem);
            Needs(json, "children", node.Children, firstLevel: false);
            json.WriteString("solution", node.Solution);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void DateOrNull(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } d) json.WriteString(name, Date(d));
        else json.WriteNull(name);
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        // Databases hand back 1200000.00; the sheet says 1200000, whichever database it came from.
        if (value is { } v) json.WriteNumber(name, v / 1.000000000000000000000000000000000m);
        else json.WriteNull(name);
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
