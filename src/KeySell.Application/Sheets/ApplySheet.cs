using KeySell.Application.BuyingInfluences;
using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Opportunities;
using KeySell.Application.Resources;
using KeySell.Domain.Accounts;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Swot;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;
using KeySell.Domain.Strengths;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Sheets;

/// <summary>
/// Makes an opportunity say what a sheet says, all or nothing: its fields, its influences (kept by
/// id, else found by name in the account, else new people), the counterparts (found or created by
/// name) and the three lists. A sheet with any problem changes nothing.
/// </summary>
public static class ApplySheet
{
    /// <param name="ExpectedTag">The tag of the sheet the change was based on (If-Match); null applies over whatever is stored.</param>
    public sealed record Command(Guid OpportunityId, StrategySheet Sheet, string? ExpectedTag = null);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<VersionedSheet>> Handle(Command command, CancellationToken ct)
        {
            var opportunity = await db.Opportunities.WithSheet().FirstOrDefaultAsync(o => o.Id == command.OpportunityId, ct);
            if (opportunity is null) return Versions.NotFound("opportunity", command.OpportunityId);

            var validation = Validate(command.Sheet);
            var account = opportunity.Account!;
            if (!validation.HasErrors && command.Sheet.Opportunity.Account != account.Name)
                validation.Add("$.opportunity.account", Messages.Format("Sheet.OtherAccount", command.Sheet.Opportunity.Account, account.Name));
            if (validation.HasErrors) return validation.ToError();
            if (command.ExpectedTag is { } expected)
            {
                var current = SheetTag.Of(opportunity);
                if (current != expected) return Error.Conflict(Messages.Format("Sheet.Stale", opportunity.UpdatedBy, opportunity.UpdatedAt));
            }

            await WriteAsync(db, opportunity, account, command.Sheet, ct);
            // Only what differs is written: a sheet saved as it was read changes nothing (no version,
            // no history line), and deals on one account never rewrite each other's shared rows.
            // A real change is a change of the deal, whose version guards the whole sheet.
            db.ChangeTracker.DetectChanges();
            if (!db.ChangeTracker.HasChanges()) return await new ExportSheet.Handler(db, time).HandleVersioned(new ExportSheet.Query(opportunity.Id), ct);
            if (db.Entry(opportunity).State == EntityState.Unchanged) db.Entry(opportunity).Property(o => o.UpdatedAt).IsModified = true;
            if (await db.SaveOrConflictAsync(ct) is { } conflict) return conflict;
            return await new ExportSheet.Handler(db, time).HandleVersioned(new ExportSheet.Query(opportunity.Id), ct);
        }
    }

    /// <summary>
    /// The contract's rules (by writing and strictly re-reading the sheet, so a sheet built in code
    /// is held to the same rules as a file) and what the database can store.
    /// </summary>
    internal static Validation Validate(StrategySheet sheet)
    {
        var validation = new Validation();
        var reread = SheetReader.Read(SheetWriter.Write(sheet));
        foreach (var problem in reread.Problems) validation.Add(problem.Path, problem.Message);
        if (validation.HasErrors) return validation;

        var o = sheet.Opportunity;
        validation.MaxLength("$.opportunity.name", o.Name, Opportunity.NameMaxLength);
        validation.MaxLength("$.opportunity.account", o.Account, Account.NameMaxLength);
        validation.MaxLength("$.opportunity.objective.product", o.Objective.Product, SalesObjective.ProductMaxLength);
        validation.Range("$.opportunity.objective.quantity", o.Objective.Quantity, 0, Storable.MaxQuantity);
        validation.Range("$.opportunity.objective.amount", o.Objective.Amount, 0, Storable.MaxAmount);
        PlausibleDates.Check(validation, "$.opportunity.objective.closeDate", o.Objective.CloseDate);
        for (var i = 0; i < sheet.Influences.Count; i++)
        {
            var influence = sheet.Influences[i];
            var at = $"$.influences[{i}]";
            validation.MaxLength(at + ".id", influence.Id, BuyingInfluence.KeyMaxLength);
            validation.MaxLength(at + ".name", influence.Name, Person.NameMaxLength);
            validation.MaxLength(at + ".title", influence.Title, Person.TitleMaxLength);
            validation.MaxLength(at + ".counterpart", influence.Counterpart, Colleague.NameMaxLength);
            PlausibleDates.Check(validation, at + ".since", influence.Since);
            PlausibleDates.Check(validation, at + ".lastContact", influence.LastContact);
            InfluenceFields.WinResults(validation, at + ".wins", influence.Wins);
            InfluenceFields.WinResults(validation, at + ".results", influence.Results);
        }
        for (var i = 0; i < sheet.Strengths.Count; i++)
            validation.MaxLength($"$.strengths[{i}].text", sheet.Strengths[i].Text, Strength.TextMaxLength);
        for (var i = 0; i < sheet.Objections.Count; i++)
            validation.MaxLength($"$.objections[{i}].text", sheet.Objections[i].Text, Objection.TextMaxLength);
        for (var i = 0; i < sheet.RedFlags.Count; i++)
            validation.MaxLength($"$.redFlags[{i}].text", sheet.RedFlags[i].Text, ManualRedFlag.TextMaxLength);
        // Version 2's own limits (counts, depth, 4,000-character texts) are the reader's; these are the columns'.
        PlausibleDates.Check(validation, "$.opportunity.createdOn", o.CreatedOn);
        for (var i = 0; i < sheet.Milestones.Count; i++)
            PlausibleDates.Check(validation, $"$.milestones[{i}].done", sheet.Milestones[i].Done);
        for (var i = 0; i < sheet.Calls.Count; i++)
        {
            validation.MaxLength($"$.calls[{i}].id", sheet.Calls[i].Id, Call.KeyMaxLength);
            PlausibleDates.Check(validation, $"$.calls[{i}].date", sheet.Calls[i].Date);
        }
        for (var i = 0; i < sheet.Actions.Count; i++)
        {
            validation.MaxLength($"$.actions[{i}].id", sheet.Actions[i].Id, SellingAction.KeyMaxLength);
            validation.MaxLength($"$.actions[{i}].owner", sheet.Actions[i].Owner, Colleague.NameMaxLength);
            PlausibleDates.Check(validation, $"$.actions[{i}].due", sheet.Actions[i].Due);
        }
        return validation;
    }

    /// <summary>
    /// Writes a validated sheet into the tracked opportunity (existing, with influences, people and
    /// lists loaded, or newly added). Nothing is saved here; the caller's one SaveChanges is the transaction.
    /// </summary>
    internal static async Task WriteAsync(AppDbContext db, Opportunity opportunity, Account account, StrategySheet sheet, CancellationToken ct)
    {
        var o = sheet.Opportunity;
        opportunity.Name = o.Name;
        opportunity.Objective = new SalesObjective
        {
            Product = o.Objective.Product,
            Quantity = o.Objective.Quantity,
            Amount = o.Objective.Amount,
            Currency = o.Objective.Currency,
            CloseDate = o.Objective.CloseDate,
        };
        opportunity.Engagement = o.Engagement;
        opportunity.FunnelLevel = o.FunnelLevel;
        opportunity.ExpectedOutcome = o.ExpectedOutcome;
        // A version-1 sheet says nothing of the toolkit: what the deal has of it is kept, never wiped.
        if (sheet.IsVersion2) opportunity.CreatedOn = o.CreatedOn;
        // The sheet's idealCustomerScore is ignored: the score comes from the account's ratings (decision 0017).

        var keysBefore = opportunity.Influences.Select(i => (Influence: i, Key: i.Key)).ToList();
        var targets = await MatchInfluencesAsync(db, opportunity, account, sheet, ct);
        // Only the colleagues the sheet names, by the index on their name, not every colleague.
        var named = sheet.Influences.Select(i => i.Counterpart).Concat(sheet.Actions.Select(a => a.Owner))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var counterparts = named.Count == 0 ? [] : await db.Colleagues.Where(c => named.Contains(c.Name)).ToListAsync(ct);
        var colleagueByName = new Dictionary<string, Colleague>(StringComparer.Ordinal);
        // Oldest first, so a name shared by two colleagues keeps meaning the same one (ordered here: SQLite cannot sort DateTimeOffset).
        foreach (var colleague in counterparts.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)) colleagueByName.TryAdd(colleague.Name, colleague);

        for (var i = 0; i < sheet.Influences.Count; i++)
        {
            var s = sheet.Influences[i];
            var target = targets[i];
            target.Key = s.Id;
            target.Position = i;
            // A person is shared by every deal that names them: assigning an equal value would still
            // be no change, but a different list instance would be, so lists are compared first.
            target.Person!.Name = s.Name;
            target.Person.Title = s.Title;
            target.Person.Status = s.Status;
            if (sheet.IsVersion2) target.Person.Seniority = s.Seniority;
            target.Roles = s.Roles;
            target.Influence = s.Influence;
            target.Support = s.Support;
            target.Contact = s.Contact;
            target.Mode = s.Mode;
            target.Since = s.Since;
            target.LastContact = s.LastContact;
            if (!target.Wins.SequenceEqual(s.Wins)) target.Wins = [.. s.Wins];
            if (!target.Results.SequenceEqual(s.Results)) target.Results = [.. s.Results];
            var counterpart = Colleague(s.Counterpart);
            if (target.CounterpartId != counterpart?.Id) target.CounterpartId = counterpart?.Id;
            target.Counterpart = counterpart;
        }

        // Our colleagues a sheet names (counterparts, action owners) are found by name, else added.
        Colleague? Colleague(string? name)
        {
            if (name is null) return null;
            if (!colleagueByName.TryGetValue(name, out var colleague))
            {
                colleague = db.Colleagues.Add(new Colleague { Name = name }).Entity;
                colleagueByName[name] = colleague;
            }
            return colleague;
        }

        // The lists are kept row by row at their positions: an unchanged entry is not rewritten.
        StrategyLists.Keep(db, opportunity.Strengths.OrderBy(x => x.Position).ToList(), sheet.Strengths, () => new Strength { OpportunityId = opportunity.Id }, (row, s, i) =>
        {
            row.Position = i;
            row.Text = s.Text;
            var addresses = s.Addresses.Distinct(StringComparer.Ordinal).ToList();
            if (!row.Addresses.SequenceEqual(addresses)) row.Addresses = addresses;
        });
        StrategyLists.Keep(db, opportunity.RedFlags.OrderBy(x => x.Position).ToList(), sheet.RedFlags, () => new ManualRedFlag { OpportunityId = opportunity.Id }, (row, f, i) =>
        {
            row.Position = i;
            row.Text = f.Text;
            row.InfluenceKey = f.Influence;
        });
        StrategyLists.Keep(db, opportunity.Objections.OrderBy(x => x.Position).ToList(), sheet.Objections, () => new Objection { OpportunityId = opportunity.Id }, (row, x, i) =>
        {
            row.Position = i;
            row.FromKey = x.From;
            row.Text = x.Text;
            row.Status = x.Status;
            if (!sheet.IsVersion2) return;
            var steps = ObjectionSteps.Ids(x.Steps);
            if (!row.Steps.SequenceEqual(steps)) row.Steps = steps;
            row.Answer = x.Answer;
        });
        if (sheet.IsVersion2) WriteToolkit(db, opportunity, sheet, Colleague);
        else
        {
            // The toolkit is kept, so what it says of people follows the grid: a person gone, or under another key.
            var kept = targets.ToHashSet();
            var moved = keysBefore.Where(b => !kept.Contains(b.Influence) || b.Influence.Key != b.Key)
                .ToDictionary(b => b.Key, b => kept.Contains(b.Influence) ? b.Influence.Key : null, StringComparer.Ordinal);
            InfluenceReferences.Follow(db, moved, opportunity.Calls, opportunity.Actions, opportunity.InfluenceLines);
        }
    }

    /// <summary>
    /// The version-2 parts: milestones by their id, calls and actions by their sheet id, influence lines by position,
    /// the needs tree by place (parent and position), the SWOT as one row. A row saved as it was read is not rewritten.
    /// </summary>
    private static void WriteToolkit(AppDbContext db, Opportunity opportunity, StrategySheet sheet, Func<string?, Colleague?> colleague)
    {
        var id = opportunity.Id;
        KeepByKey(db, opportunity.Milestones, m => m.Milestone, sheet.Milestones, m => m.Id,
            () => new ProcessMilestone { OpportunityId = id }, (row, m, _) => (row.Milestone, row.Done, row.Evidence) = (m.Id, m.Done, m.Evidence));
        KeepByKey(db, opportunity.Calls, c => c.Key, sheet.Calls, c => c.Id, () => new Call { OpportunityId = id }, (row, c, i) =>
        {
            (row.Key, row.Position, row.Date, row.Status, row.Commitment, row.Outcome, row.Notes) = (c.Id, i, c.Date, c.Status, c.Commitment, c.Outcome, c.Notes);
            if (!row.With.SequenceEqual(c.With)) row.With = [.. c.With];
            if (!row.Questions.SequenceEqual(c.Questions)) row.Questions = [.. c.Questions];
        });
        KeepByKey(db, opportunity.Actions, a => a.Key, sheet.Actions, a => a.Id, () => new SellingAction { OpportunityId = id }, (row, a, i) =>
        {
            (row.Key, row.Position, row.Text, row.Due, row.Status, row.InfluenceKey) = (a.Id, i, a.Text, a.Due, a.Status, a.Influence);
            var owner = colleague(a.Owner);
            if (row.OwnerId != owner?.Id) row.OwnerId = owner?.Id;
            row.Owner = owner;
            if (!row.Addresses.SequenceEqual(a.Addresses)) row.Addresses = [.. a.Addresses];
        });
        StrategyLists.Keep(db, opportunity.InfluenceLines.OrderBy(l => l.Position).ToList(), sheet.InfluenceLines, () => new InfluenceLine { OpportunityId = id },
            (row, l, i) => (row.Position, row.FromKey, row.ToKey, row.Strength, row.Note) = (i, l.From, l.To, l.Strength, l.Note));

        if (sheet.Needs is null)
        {
            if (opportunity.Needs is { } gone) db.NeedsAnalyses.Remove(gone);
            db.NeedNodes.RemoveRange(opportunity.NeedNodes);
        }
        else
        {
            var head = opportunity.Needs ??= db.NeedsAnalyses.Add(new NeedsAnalysis { OpportunityId = id }).Entity;
            head.CurrentState = sheet.Needs.CurrentState;
            var rows = NeedTree.Rows(id, sheet.Needs.Branches, opportunity.NeedNodes);
            var kept = rows.ToHashSet();
            foreach (var row in rows.Where(r => !opportunity.NeedNodes.Contains(r))) db.NeedNodes.Add(row);
            db.NeedNodes.RemoveRange(opportunity.NeedNodes.Where(n => !kept.Contains(n)));
            // The head's version guards the whole tree: a change of any node is a change of the head.
            db.ChangeTracker.DetectChanges();
            if (db.Entry(head).State == EntityState.Unchanged && db.ChangeTracker.Entries<NeedNode>().Any(e => e.Entity.OpportunityId == id && e.State != EntityState.Unchanged))
                db.Entry(head).Property(h => h.UpdatedAt).IsModified = true;
        }

        var swot = sheet.Swot;
        var empty = swot.Strengths.Count + swot.Weaknesses.Count + swot.Opportunities.Count + swot.Threats.Count == 0;
        if (opportunity.Swot is null && empty) return;
        var stored = opportunity.Swot ??= db.Swots.Add(new SwotAnalysis { OpportunityId = id }).Entity;
        if (!stored.Strengths.SequenceEqual(swot.Strengths)) stored.Strengths = [.. swot.Strengths];
        if (!stored.Weaknesses.SequenceEqual(swot.Weaknesses)) stored.Weaknesses = [.. swot.Weaknesses];
        if (!stored.Opportunities.SequenceEqual(swot.Opportunities)) stored.Opportunities = [.. swot.Opportunities];
        if (!stored.Threats.SequenceEqual(swot.Threats)) stored.Threats = [.. swot.Threats];
    }

    /// <summary>Rows matched to the sheet's items by a key; unmatched items are added, rows the sheet no longer lists removed.</summary>
    private static void KeepByKey<TRow, TItem, TKey>(AppDbContext db, List<TRow> rows, Func<TRow, TKey> rowKey, IReadOnlyList<TItem> items, Func<TItem, TKey> itemKey,
        Func<TRow> create, Action<TRow, TItem, int> write) where TRow : class where TKey : notnull
    {
        var byKey = rows.ToDictionary(rowKey);
        for (var i = 0; i < items.Count; i++)
        {
            var key = itemKey(items[i]);
            if (!byKey.Remove(key, out var row))
            {
                row = create();
                db.Add(row);
                rows.Add(row);
            }
            write(row, items[i], i);
        }
        foreach (var gone in byKey.Values)
        {
            db.Remove(gone);
            rows.Remove(gone);
        }
    }

    /// <summary>
    /// One influence per sheet entry: the one with the same id; else one whose person has that
    /// name (an influence of this deal first, then anyone in the account); else a new person.
    /// Influences the sheet no longer lists are removed.
    /// </summary>
    private static async Task<BuyingInfluence[]> MatchInfluencesAsync(
        AppDbContext db, Opportunity opportunity, Account account, StrategySheet sheet, CancellationToken ct)
    {
        var existing = opportunity.Influences.OrderBy(i => i.Position).ToList();
        // Only people the sheet names under a new id, found by the
        // (account, name) index: an account's whole org chart may hold thousands.
        var unmatchedNames = sheet.Influences
            .Where(s => !existing.Any(e => e.Key == s.Id))
            .Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList();
        var people = unmatchedNames.Count == 0 ? [] :
            (await db.People.Where(p => p.AccountId == account.Id && unmatchedNames.Contains(p.Name)).ToListAsync(ct)).OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).ToList();
        var claimed = new HashSet<BuyingInfluence>();
        var claimedPeople = new HashSet<Guid>();
        var targets = new BuyingInfluence?[sheet.Influences.Count];

        for (var i = 0; i < sheet.Influences.Count; i++)
        {
            var match = existing.FirstOrDefault(e => e.Key == sheet.Influences[i].Id);
            if (match is null) continue;
            targets[i] = match;
            claimed.Add(match);
            claimedPeople.Add(match.PersonId);
        }
        for (var i = 0; i < sheet.Influences.Count; i++)
        {
            if (targets[i] is not null) continue;
            var name = sheet.Influences[i].Name;
            var match = existing.FirstOrDefault(e => !claimed.Contains(e) && e.Person!.Name == name);
            if (match is null)
            {
                var person = people.FirstOrDefault(p => !claimedPeople.Contains(p.Id) && p.Name == name);
                if (person is null)
                {
                    person = new Person { AccountId = account.Id, Name = name };
                    db.People.Add(person);
                }
                match = new BuyingInfluence { OpportunityId = opportunity.Id, PersonId = person.Id, Person = person };
                db.BuyingInfluences.Add(match);
            }
            targets[i] = match;
            claimed.Add(match);
            claimedPeople.Add(match.PersonId);
        }
        foreach (var gone in existing.Where(e => !claimed.Contains(e))) db.BuyingInfluences.Remove(gone);
        return targets!;
    }
}

/// <summary>The largest values the database columns hold (numeric(18,2) amounts, numeric(18,4) quantities).</summary>
internal static class Storable
{
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;
    public const decimal MaxQuantity = 99_999_999_999_999.9999m;
}
