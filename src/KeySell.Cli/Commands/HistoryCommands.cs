using System.CommandLine;
using System.Text.Json;
using KeySell.Application.Data;
using KeySell.Application.History;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Cli.Commands.UseCaseResults;

namespace KeySell.Cli.Commands;

/// <summary><c>keysell history opportunity|account|person ID</c>: who changed what and when, newest first.</summary>
public static class HistoryCommands
{
    private static readonly Dictionary<string, HistoryOf> Kinds = new()
    {
        ["opportunity"] = HistoryOf.Opportunity,
        ["account"] = HistoryOf.Account,
        ["person"] = HistoryOf.Person,
    };

    public static Command Create(CliHost host, Terminal terminal)
    {
        var kind = new Argument<string>("KIND") { Description = "opportunity, account (with its org chart) or person (with their part in every deal)." };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var id = new Argument<string>("ID") { Description = "The record's id (a GUID)." };
        var since = new Option<string?>("--since") { Description = "Only changes at or after this ISO 8601 date or instant (UTC unless an offset is given).", HelpName = "ISO8601" };
        var json = new Option<bool>("--json") { Description = "Print { items, totalCount } as the API's GET /api/…/history does." };
        var command = new Command("history",
            "Show a record's history, newest first: when, by whom (cli:<user> for changes made here), the action, the entity and field, and old → new.")
        {
            kind, id, since, json,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var of = Kinds[parsed.GetValue(kind)!];
            var recordId = Id(parsed.GetValue(id)!, of switch { HistoryOf.Account => "an account", HistoryOf.Person => "a person", _ => "an opportunity" });
            var from = Instant(parsed.GetValue(since), "--since");
            await CliHost.RequireUpToDateAsync(services.GetRequiredService<AppDbContext>(), ct);
            var handler = services.GetRequiredService<GetHistory.Handler>();
            var lines = await AllPagesAsync(page => handler.Handle(new GetHistory.Query(of, recordId, from, page), ct));
            if (parsed.GetValue(json))
            {
                await JsonConventions.WriteAsync(terminal, lines);
                return ExitCodes.Done;
            }
            await TextTable.WriteAsync(terminal, ["AT", "BY", "ACTION", "ENTITY", "FIELD", "OLD → NEW"],
                lines.Items.Select(l => (IReadOnlyList<string>)[Text(l.At), l.By, l.Action, l.Entity, l.Field ?? "", Change(l)]));
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>A field's old and new values; a whole-record line names the record instead of repeating all its fields.</summary>
    private static string Change(HistoryLine line)
    {
        if (line.Field is not null) return $"{Compact(line.Old)} → {Compact(line.New)}";
        var record = line.New ?? line.Old;
        return record is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()!
            : line.EntityId;
    }

    private static string Compact(JsonElement? value) =>
        value is { } v ? JsonSerializer.Serialize(v, JsonConventions.Compact) : "null";
}
