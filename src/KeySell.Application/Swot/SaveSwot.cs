using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.Swot;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Swot;

/// <summary>
/// Saves the four lists of one SWOT together, guarded by the SWOT's own version (0 when none is stored yet), never the
/// deal's or the account's, so it does not refuse a colleague editing another part of the page.
/// </summary>
public static class SaveSwot
{
    public sealed record Command(SwotOf Of, IReadOnlyList<string?>? Strengths, IReadOnlyList<string?>? Weaknesses,
        IReadOnlyList<string?>? Opportunities, IReadOnlyList<string?>? Threats, int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<SwotDetail>> Handle(Command command, CancellationToken ct)
        {
            if (await command.Of.CheckExistsAsync(db, ct) is { } missing) return missing;

            var validation = new Validation();
            var strengths = Items(validation, "strengths", command.Strengths);
            var weaknesses = Items(validation, "weaknesses", command.Weaknesses);
            var opportunities = Items(validation, "opportunities", command.Opportunities);
            var threats = Items(validation, "threats", command.Threats);
            if (validation.HasErrors) return validation.ToError();

            var swot = await command.Of.Query(db).FirstOrDefaultAsync(ct);
            if (swot is null)
            {
                if (command.Version != 0) return Error.Conflict(Messages.Format("ConcurrentSave"));
                swot = db.Swots.Add(new SwotAnalysis { OpportunityId = command.Of.OpportunityId, AccountId = command.Of.AccountId }).Entity;
            }
            else if (db.CheckVersion(swot, command.Version, "swot") is { } stale) return stale;

            // Lists are replaced only when they differ, so saving what was read writes nothing.
            if (!swot.Strengths.SequenceEqual(strengths)) swot.Strengths = strengths;
            if (!swot.Weaknesses.SequenceEqual(weaknesses)) swot.Weaknesses = weaknesses;
            if (!swot.Opportunities.SequenceEqual(opportunities)) swot.Opportunities = opportunities;
            if (!swot.Threats.SequenceEqual(threats)) swot.Threats = threats;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return SwotDetail.From(swot);
        }

        private static List<string> Items(Validation validation, string field, IReadOnlyList<string?>? items)
        {
            items ??= [];
            if (items.Count > SwotAnalysis.MaxItems)
            {
                validation.Add(field, Messages.Format("Swot.TooManyItems", SwotAnalysis.MaxItems));
                return [];
            }
            for (var i = 0; i < items.Count; i++) validation.Required($"{field}[{i}]", items[i], SwotAnalysis.TextMaxLength);
            return items.Select(t => t?.Trim() ?? "").ToList();
        }
    }
}
