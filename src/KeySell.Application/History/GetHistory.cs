using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.History;

public enum HistoryOf
{
    Opportunity,
    Account,
    Person,
}

/// <summary>One change as the API and the History panel show it; old and new are JSON values.</summary>
public sealed record HistoryLine(DateTimeOffset At, string By, string Entity, string EntityId, string Action, string? Field, JsonElement? Old, JsonElement? New);

/// <summary>
/// What changed on a deal, an account (its org chart and group) or a person (with their part in
/// every deal the caller reads), newest first, optionally since an instant.
/// </summary>
public static class GetHistory
{
    public sealed record Query(HistoryOf Of, Guid Id, DateTimeOffset? Since, PageRequest Page);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<HistoryLine>>> Handle(Query query, CancellationToken ct)
        {
            var id = query.Id;
            IQueryable<ChangeRecord> lines;
            switch (query.Of)
            {
                case HistoryOf.Opportunity:
                    if (!await db.Opportunities.AnyAsync(o => o.Id == id, ct)) return Versions.NotFound("opportunity", id);
                    lines = db.ChangeRecords.Where(c => c.OpportunityId == id);
                    break;
                case HistoryOf.Account:
                    if (!await db.Accounts.AnyAsync(a => a.Id == id, ct)) return Versions.NotFound("account", id);
                    lines = db.ChangeRecords.Where(c => c.AccountId == id);
                    break;
                default:
                    if (!await db.People.AnyAsync(p => p.Id == id, ct)) return Versions.NotFound("person", id);
                    lines = db.ChangeRecords.Where(c => c.PersonId == id);
                    break;
            }
            // Stored in UTC; a "since" with an offset is the same instant.
            if (query.Since is { } since)
            {
                var utc = since.ToUniversalTime();
                lines = lines.Where(c => c.At >= utc);
            }
            var total = await lines.CountAsync(ct);
            var page = await lines.OrderByDescending(c => c.Id).Skip(query.Page.Skip).Take(query.Page.Take).ToListAsync(ct);
            return new Paged<HistoryLine>(page.Select(ToLine).ToList(), total);
        }
    }

    internal static HistoryLine ToLine(ChangeRecord c) =>
        new(c.At, c.By, c.Entity, c.EntityId, c.Action, c.Field, Parse(c.Old), Parse(c.New));

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
