using KeySell.Application.Data;
using KeySell.Domain.Accounts;
using KeySell.Domain.Actions;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Opportunities;

/// <summary>
/// Everything a strategy sheet and its analysis read about a deal — the account, each influence with its person and
/// counterpart, strengths, red flags, objections — in one place, so the deal page, the sheet export and the stored
/// analysis summaries always judge the same data. One query per collection (split), as the graph multiplies rows.
/// </summary>
public static class SheetGraph
{
    public static IQueryable<Opportunity> WithSheet(this IQueryable<Opportunity> deals) => deals
        .Include(x => x.Account)
        .Include(x => x.Influences).ThenInclude(i => i.Person)
        .Include(x => x.Influences).ThenInclude(i => i.Counterpart)
        .Include(x => x.Strengths)
        .Include(x => x.RedFlags)
        .Include(x => x.Objections)
        .Include(x => x.Milestones)
        .Include(x => x.Calls)
        .Include(x => x.Actions).ThenInclude(a => a.Owner)
        .Include(x => x.Needs)
        .Include(x => x.NeedNodes)
        .Include(x => x.Swot)
        .Include(x => x.InfluenceLines)
        .AsSplitQuery();

    /// <summary>
    /// The same graph as <see cref="WithSheet"/> for many deals at once, past the access rules, untracked: one flat
    /// query per table filtered on the deals' ids, stitched in memory. Used by the stored-analysis refresh, where
    /// EF's split includes (each child query joined back to the deals and ordered by them, then fixed up per row)
    /// were most of the daily run's time (docs/performance.md). Each query reads only the columns
    /// <c>ExportSheet.ToSheet</c> maps, into the same entity types (the rest left at their defaults), so
    /// <c>ToSheet</c> stays the one mapping for the deal page, the export and the summaries: persons, accounts and
    /// colleagues read whole were half the rows' bytes. A column <c>ToSheet</c> starts to read must be added here too;
    /// the property test that every stored summary equals <c>GET /analysis</c> (StoredAnalysisPropertyTests) fails otherwise.
    /// </summary>
    internal static async Task<List<Opportunity>> ReadSheetsAsync(AppDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        // The ids written into the SQL: on the 1M SQLite database about half the time of one JSON parameter (json_each).
        var deals = await db.Opportunities.IgnoreQueryFilters().AsNoTracking()
            .Where(o => EF.Constant(ids).Contains(o.Id))
            .Select(o => new Opportunity
            {
                Id = o.Id, AccountId = o.AccountId, Name = o.Name,
                CreatedOn = o.CreatedOn,
                Objective = new SalesObjective
                {
                    Product = o.Objective.Product, Quantity = o.Objective.Quantity, Amount = o.Objective.Amount,
                    Currency = o.Objective.Currency, CloseDate = o.Objective.CloseDate,
                },
                Engagement = o.Engagement, FunnelLevel = o.FunnelLevel, ExpectedOutcome = o.ExpectedOutcome,
                Account = new Account { Id = o.AccountId, Name = o.Account!.Name, IdealCustomerScore = o.Account.IdealCustomerScore },
            })
            .ToListAsync(ct);
        var influences = (await db.BuyingInfluences.IgnoreQueryFilters().AsNoTracking()
            .Where(i => EF.Constant(ids).Contains(i.OpportunityId))
            .Select(i => new BuyingInfluence
            {
                Id = i.Id, OpportunityId = i.OpportunityId, PersonId = i.PersonId, Key = i.Key, Position = i.Position,
                Roles = i.Roles, Influence = i.Influence, Support = i.Support, Contact = i.Contact, Mode = i.Mode,
                Since = i.Since, LastContact = i.LastContact, Wins = i.Wins, Results = i.Results,
                Person = new Person { Id = i.PersonId, Name = i.Person!.Name, Title = i.Person.Title, Status = i.Person.Status, Seniority = i.Person.Seniority },
                CounterpartId = i.CounterpartId,
                Counterpart = i.CounterpartId == null ? null : new Colleague { Id = i.Counterpart!.Id, Name = i.Counterpart.Name },
            })
            .ToListAsync(ct)).ToLookup(i => i.OpportunityId);
        var strengths = (await db.Strengths.IgnoreQueryFilters().AsNoTracking()
            .Where(s => EF.Constant(ids).Contains(s.OpportunityId)).ToListAsync(ct)).ToLookup(s => s.OpportunityId);
        var flags = (await db.ManualRedFlags.IgnoreQueryFilters().AsNoTracking()
            .Where(f => EF.Constant(ids).Contains(f.OpportunityId)).ToListAsync(ct)).ToLookup(f => f.OpportunityId);
        var objections = (await db.Objections.IgnoreQueryFilters().AsNoTracking()
            .Where(x => EF.Constant(ids).Contains(x.OpportunityId)).ToListAsync(ct)).ToLookup(x => x.OpportunityId);
        // The toolkit's tables, each by its index on the deal; the nodes only when some deal of the batch has a tree.
        // The SWOT is left out: no rule reads it, and these sheets are only judged, never exported.
        var milestones = (await db.Milestones.IgnoreQueryFilters().AsNoTracking()
            .Where(m => EF.Constant(ids).Contains(m.OpportunityId)).ToListAsync(ct)).ToLookup(m => m.OpportunityId);
        var calls = (await db.Calls.IgnoreQueryFilters().AsNoTracking()
            .Where(c => EF.Constant(ids).Contains(c.OpportunityId)).ToListAsync(ct)).ToLookup(c => c.OpportunityId);
        var actions = (await db.Actions.IgnoreQueryFilters().AsNoTracking()
            .Where(a => EF.Constant(ids).Contains(a.OpportunityId))
            .Select(a => new SellingAction
            {
                Id = a.Id, OpportunityId = a.OpportunityId, Key = a.Key, Position = a.Position, Text = a.Text, Due = a.Due,
                Status = a.Status, InfluenceKey = a.InfluenceKey, Addresses = a.Addresses, OwnerId = a.OwnerId,
                Owner = a.OwnerId == null ? null : new Colleague { Id = a.Owner!.Id, Name = a.Owner.Name },
            })
            .ToListAsync(ct)).ToLookup(a => a.OpportunityId);
        var needs = (await db.NeedsAnalyses.IgnoreQueryFilters().AsNoTracking()
            .Where(n => EF.Constant(ids).Contains(n.OpportunityId)).ToListAsync(ct)).ToDictionary(n => n.OpportunityId);
        var nodes = needs.Count == 0 ? null : (await db.NeedNodes.IgnoreQueryFilters().AsNoTracking()
            .Where(n => EF.Constant(ids).Contains(n.OpportunityId)).ToListAsync(ct)).ToLookup(n => n.OpportunityId);
        var lines = (await db.InfluenceLines.IgnoreQueryFilters().AsNoTracking()
            .Where(l => EF.Constant(ids).Contains(l.OpportunityId)).ToListAsync(ct)).ToLookup(l => l.OpportunityId);
        foreach (var deal in deals)
        {
            deal.Influences = [.. influences[deal.Id]];
            deal.Strengths = [.. strengths[deal.Id]];
            deal.RedFlags = [.. flags[deal.Id]];
            deal.Objections = [.. objections[deal.Id]];
            deal.Milestones = [.. milestones[deal.Id]];
            deal.Calls = [.. calls[deal.Id]];
            deal.Actions = [.. actions[deal.Id]];
            deal.Needs = needs.GetValueOrDefault(deal.Id);
            deal.NeedNodes = nodes is null ? [] : [.. nodes[deal.Id]];
            deal.InfluenceLines = [.. lines[deal.Id]];
        }
        return deals;
    }
}
