using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using KeySell.Domain.Accounts;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Swot;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;
using KeySell.Domain.Sheets;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.History;

/// <summary>
/// The strategy sheet as it stood at an instant, rebuilt by replaying the history up to it: the
/// deal and its lists, the people as they were named and titled then, and the account's name.
/// Deals created before the history began have no past to replay before their first change.
/// </summary>
public static class GetSheetAt
{
    public sealed record Query(Guid OpportunityId, DateTimeOffset At);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<StrategySheet>> Handle(Query query, CancellationToken ct)
        {
            var id = query.OpportunityId;
            var accountId = await db.Opportunities.Where(o => o.Id == id).Select(o => (Guid?)o.AccountId).FirstOrDefaultAsync(ct);
            if (accountId is null) return Versions.NotFound("opportunity", id);

            var at = query.At.ToUniversalTime();
            // The caller reads the deal, so they read its past; lines of people and colleagues named on it come along.
            var history = db.ChangeRecords.IgnoreQueryFilters([AppDbContext.Filters.Access]).Where(c => c.At <= at);
            var dealLines = await history.Where(c => c.OpportunityId == id).OrderBy(c => c.Id).ToListAsync(ct);
            var accountIdText = accountId.Value.ToString();
            var accountLines = await history.Where(c => c.AccountId == accountId && c.OpportunityId == null && (c.Entity == "account" || c.Entity == "person"))
                .OrderBy(c => c.Id).ToListAsync(ct);
            var colleagueLines = await history.Where(c => c.Entity == "colleague").OrderBy(c => c.Id).ToListAsync(ct);

            var state = Replay(dealLines.Concat(accountLines).Concat(colleagueLines).OrderBy(c => c.Id));
            if (!state.TryGetValue(("opportunity", id.ToString()), out var dealJson))
                return Error.NotFound(Messages.Format("AtBeforeCreation", query.At));

            var deal = Read<Opportunity>(dealJson);
            deal.Account = state.TryGetValue(("account", accountIdText), out var accountJson) ? Read<Account>(accountJson) : new Account { Name = "" };
            var people = Of<Person>(state, "person");
            var colleagues = Of<Colleague>(state, "colleague");
            deal.Influences = Of<BuyingInfluence>(state, "influence").Values.Where(i => i.OpportunityId == id).ToList();
            foreach (var influence in deal.Influences)
            {
                influence.Person = people.GetValueOrDefault(influence.PersonId) ?? new Person { Name = "" };
                influence.Counterpart = influence.CounterpartId is { } c ? colleagues.GetValueOrDefault(c) : null;
            }
            deal.Strengths = Of<Strength>(state, "strength").Values.Where(s => s.OpportunityId == id).ToList();
            deal.RedFlags = Of<ManualRedFlag>(state, "redFlag").Values.Where(f => f.OpportunityId == id).ToList();
            deal.Objections = Of<Objection>(state, "objection").Values.Where(x => x.OpportunityId == id).ToList();
            deal.Milestones = Of<ProcessMilestone>(state, "milestone").Values.Where(m => m.OpportunityId == id).ToList();
            deal.Calls = Of<Call>(state, "call").Values.Where(c => c.OpportunityId == id).ToList();
            deal.Actions = Of<SellingAction>(state, "action").Values.Where(a => a.OpportunityId == id).ToList();
            foreach (var action in deal.Actions) action.Owner = action.OwnerId is { } o ? colleagues.GetValueOrDefault(o) : null;
            deal.Needs = Of<NeedsAnalysis>(state, "needs").Values.FirstOrDefault(n => n.OpportunityId == id);
            deal.NeedNodes = Of<NeedNode>(state, "needNode").Values.Where(n => n.OpportunityId == id).ToList();
            deal.Swot = Of<SwotAnalysis>(state, "swot").Values.FirstOrDefault(w => w.OpportunityId == id);
            deal.InfluenceLines = Of<InfluenceLine>(state, "influenceLine").Values.Where(l => l.OpportunityId == id).ToList();
            return ExportSheet.ToSheet(deal, DateOnly.FromDateTime(at.UtcDateTime));
        }
    }

    /// <summary>Every record's fields as they stood after the given lines, in order.</summary>
    internal static Dictionary<(string Entity, string Id), JsonObject> Replay(IEnumerable<ChangeRecord> lines)
    {
        var state = new Dictionary<(string, string), JsonObject>();
        foreach (var line in lines)
        {
            var key = (line.Entity, line.EntityId);
            switch (line.Action)
            {
                case ChangeActions.Created or ChangeActions.Restored when line.New is not null:
                    state[key] = JsonNode.Parse(line.New)!.AsObject();
                    break;
                case ChangeActions.Deleted:
                    state.Remove(key);
                    break;
                case ChangeActions.Updated when line.Field is not null && state.TryGetValue(key, out var record):
                    var path = line.Field.Split('.');
                    var target = record;
                    foreach (var part in path[..^1]) target = target[part] as JsonObject ?? (JsonObject)(target[part] = new JsonObject());
                    target[path[^1]] = line.New is null ? null : JsonNode.Parse(line.New);
                    break;
            }
        }
        return state;
    }

    private static Dictionary<Guid, T> Of<T>(Dictionary<(string Entity, string Id), JsonObject> state, string entity) where T : class =>
        state.Where(p => p.Key.Entity == entity && Guid.TryParse(p.Key.Id, out _))
            .ToDictionary(p => Guid.Parse(p.Key.Id), p => Read<T>(p.Value));

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new RolesConverter(), new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private static T Read<T>(JsonObject json) => json.Deserialize<T>(Json)!;

    /// <summary>Buying roles are recorded as their list of ids, as the API writes them.</summary>
    private sealed class RolesConverter : JsonConverter<BuyingRoles>
    {
        public override BuyingRoles Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            BuyingRolesExtensions.Combine((JsonSerializer.Deserialize<List<string>>(ref reader) ?? []).Select(MethodIds.Parse<BuyingRoles>));

        public override void Write(Utf8JsonWriter writer, BuyingRoles value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Split().Select(r => r.ToId()).ToList());
    }
}
