using KeySell.Application.BuyingInfluences;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Strengths;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>
/// Saves the sheet's three lists (strengths, manual red flags, objections) together, as the
/// seller edits them together; the opportunity's version rises so other editors see the change.
/// </summary>
public static class SaveStrategyLists
{
    public sealed record StrengthInput(string? Text, IReadOnlyList<string>? Addresses = null);

    /// <summary><see cref="Influence"/>: the key of the influence the flag concerns, or null for the whole deal.</summary>
    public sealed record RedFlagInput(string? Text, string? Influence = null);

    /// <summary>
    /// <see cref="From"/>: the key of the influence who raised it; <see cref="Status"/>: open (default), deferred, resolved;
    /// <see cref="Steps"/>: the handling steps taken (listened, confirmed, restated, answered); <see cref="Answer"/>: the
    /// evidence the answer used (case, third-party-data, product-claim) or null.
    /// </summary>
    public sealed record ObjectionInput(string? From, string? Text, string? Status = null, IReadOnlyList<string>? Steps = null, string? Answer = null);

    public sealed record Command(
        Guid OpportunityId,
        int Version,
        IReadOnlyList<StrengthInput>? Strengths,
        IReadOnlyList<RedFlagInput>? RedFlags,
        IReadOnlyList<ObjectionInput>? Objections);

    public sealed record Saved(int Version);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Saved>> Handle(Command command, CancellationToken ct)
        {
            var opportunity = await db.Opportunities
                .Include(o => o.Strengths).Include(o => o.RedFlags).Include(o => o.Objections)
                .AsSplitQuery()
                .FirstOrDefaultAsync(o => o.Id == command.OpportunityId, ct);
            if (opportunity is null) return Versions.NotFound("opportunity", command.OpportunityId);

            var keys = await db.InfluenceKeysAsync(opportunity.Id, ct);
            var validation = new Validation();
            var strengths = new List<Strength>();
            foreach (var (item, index) in (command.Strengths ?? []).Select((s, i) => (s, i)))
            {
                var at = $"strengths[{index}]";
                validation.Required(at + ".text", item.Text, Strength.TextMaxLength);
                var addresses = validation.RedFlagIds(at + ".addresses", item.Addresses);
                strengths.Add(new Strength { OpportunityId = opportunity.Id, Position = index, Text = item.Text?.Trim() ?? "", Addresses = addresses });
            }

            var redFlags = new List<ManualRedFlag>();
            foreach (var (item, index) in (command.RedFlags ?? []).Select((f, i) => (f, i)))
            {
                var at = $"redFlags[{index}]";
                validation.Required(at + ".text", item.Text, ManualRedFlag.TextMaxLength);
                CheckKey(validation, keys, at + ".influence", item.Influence);
                redFlags.Add(new ManualRedFlag { OpportunityId = opportunity.Id, Position = index, Text = item.Text?.Trim() ?? "", InfluenceKey = item.Influence });
            }

            var objections = new List<Objection>();
            foreach (var (item, index) in (command.Objections ?? []).Select((x, i) => (x, i)))
            {
                var at = $"objections[{index}]";
                validation.Required(at + ".text", item.Text, Objection.TextMaxLength);
                CheckKey(validation, keys, at + ".from", item.From);
                var status = validation.Enum<ObjectionStatus>(at + ".status", item.Status) ?? ObjectionStatus.Open;
                var steps = new List<ObjectionStep>();
                foreach (var (id, n) in (item.Steps ?? []).Select((x, n) => (x, n)))
                {
                    if (validation.Enum<ObjectionStep>($"{at}.steps[{n}]", id ?? "") is not { } step) continue;
                    if (steps.Contains(step)) validation.Add($"{at}.steps[{n}]", Messages.Format("Objections.DuplicateStep", id!));
                    else steps.Add(step);
                }
                var answer = validation.Enum<ObjectionAnswer>(at + ".answer", item.Answer);
                objections.Add(new Objection
                {
                    OpportunityId = opportunity.Id, Position = index, FromKey = item.From, Text = item.Text?.Trim() ?? "", Status = status,
                    // Kept in the method's order whatever order they were ticked in, as the sheet writes them.
                    Steps = ObjectionSteps.Ids(steps), Answer = answer,
                });
            }
            if (validation.HasErrors) return validation.ToError();
            if (db.CheckVersion(opportunity, command.Version, "opportunity") is { } stale) return stale;

            StrategyLists.Keep(db, opportunity.Strengths.OrderBy(x => x.Position).ToList(), strengths, () => new Strength { OpportunityId = opportunity.Id }, (row, s, i) =>
            {
                (row.Position, row.Text) = (i, s.Text);
                if (!row.Addresses.SequenceEqual(s.Addresses)) row.Addresses = s.Addresses;
            });
            StrategyLists.Keep(db, opportunity.RedFlags.OrderBy(x => x.Position).ToList(), redFlags, () => new ManualRedFlag { OpportunityId = opportunity.Id },
                (row, f, i) => (row.Position, row.Text, row.InfluenceKey) = (i, f.Text, f.InfluenceKey));
            StrategyLists.Keep(db, opportunity.Objections.OrderBy(x => x.Position).ToList(), objections, () => new Objection { OpportunityId = opportunity.Id },
                (row, x, i) =>
                {
                    (row.Position, row.FromKey, row.Text, row.Status, row.Answer) = (i, x.FromKey, x.Text, x.Status, x.Answer);
                    if (!row.Steps.SequenceEqual(x.Steps)) row.Steps = x.Steps;
                });
            // Lists saved as they were read change nothing; a real change is a change of the deal (its version guards the lists).
            db.ChangeTracker.DetectChanges();
            if (!db.ChangeTracker.HasChanges()) return new Saved(opportunity.Version);
            db.Entry(opportunity).State = EntityState.Modified;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return new Saved(opportunity.Version);
        }

        private static void CheckKey(Validation validation, HashSet<string> keys, string field, string? key)
        {
            if (key is not null && !keys.Contains(key)) validation.Add(field, Messages.Format("UnknownInfluenceKey", key));
        }
    }
}
