using KeySell.Application.Common;
using KeySell.Application.Data;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Application.RedFlags;
using KeySell.Domain.Common;
using KeySell.Domain.Learning;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Learning;

/// <summary>
/// The course's four self-checks with what each needs to be taken (<c>GET /api/learn/self-checks</c>, a list as every
/// list of the API is: <c>{ items, totalCount }</c>), in the caller's
/// language: 1-1's choices, 2-1's org chart of a deal the caller may read, 3-1's bank of needs trees, 4-1's criteria
/// and roles. Nothing of the answer is in the prompt: the grading is the answer's.
/// </summary>
public static class ListSelfChecks
{
    /// <param name="OpportunityId">The deal whose org chart 2-1 shows; by default the first by name of the caller's
    /// open deals with roles mapped, else of any they may read.</param>
    public sealed record Query(Guid? OpportunityId = null);

    public sealed record SelfCheck(string Id, string Title, string Prompt, object Data);

    public sealed record Choice(string Id, string Label);

    public sealed record BoardingData(IReadOnlyList<Choice> Choices);

    public sealed record OrgChartPerson(Guid Id, string Name, string? Title, string? Department, Guid? ReportsToId);

    public sealed record DealChoice(Guid Id, string Name, string AccountName);

    /// <summary>2-1: the deal, its account's org chart, the roles to give, and the other deals the check can be taken on.
    /// <see cref="Unavailable"/> says why there is no org chart (no deal with roles mapped).</summary>
    public sealed record OrgChartData(
        Guid? OpportunityId, string? OpportunityName, Guid? AccountId, string? AccountName,
        IReadOnlyList<OrgChartPerson> People, IReadOnlyList<Choice> Roles, IReadOnlyList<DealChoice> Deals, string? Unavailable);

    public sealed record TreeNode(string? Layer, string Problem, string? Solution, IReadOnlyList<TreeNode> Children);

    public sealed record Tree(string Id, string Title, string? CurrentState, IReadOnlyList<TreeNode> Branches);

    public sealed record NeedsData(IReadOnlyList<Tree> Trees, IReadOnlyList<Choice> Questions);

    public sealed record Criterion(string Letter, string Text);

    public sealed record CriteriaData(IReadOnlyList<Criterion> Criteria, IReadOnlyList<Choice> Roles);

    /// <summary>How many people of an account 2-1 shows at most: a page of org chart one can still read and mark.</summary>
    public const int MaxPeople = 300;

    /// <summary>How many deals 2-1 offers to choose from.</summary>
    public const int MaxDeals = 20;

    public static readonly string[] Questions = ["rooted", "decomposed", "landed"];

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Result<Paged<SelfCheck>>> Handle(Query query, CancellationToken ct)
        {
            var chinese = IsChinese;
            var orgChart = await OrgChartAsync(db, query.OpportunityId, ct);
            if (!orgChart.Succeeded) return orgChart.Error!;
            var data = orgChart.Value;
            var twoOnePrompt = data.OpportunityName is null
                ? LearningWords.Format("SelfCheck.NoDeal")
                : LearningWords.Format("Prompt.2-1", data.AccountName, data.OpportunityName);
            SelfCheck[] checks =
            [
                new(SelfChecks.BoardingPoint, LearningWords.Format("Title.1-1"), LearningWords.Format("Prompt.1-1"),
                    new BoardingData(BoardingPoint.Choices.Select(c => new Choice(c, LearningWords.Format("Choice." + c))).ToList())),
                new(SelfChecks.OrgChartContacts, LearningWords.Format("Title.2-1"), twoOnePrompt, data),
                new(SelfChecks.NeedsTree, LearningWords.Format("Title.3-1"), LearningWords.Format("Prompt.3-1"),
                    new NeedsData(NeedsTreeBank.Exercises.Select(e => TreeOf(e, chinese)).ToList(),
                        Questions.Select(q => new Choice(q, LearningWords.Format("Question." + q))).ToList())),
                new(SelfChecks.WinCriteria, LearningWords.Format("Title.4-1"), LearningWords.Format("Prompt.4-1"),
                    new CriteriaData(WinCriteriaSort.Criteria.Select(c => new Criterion(c.Letter.ToString(), chinese ? c.Chinese : c.English)).ToList(),
                        RoleChoices())),
            ];
            return new Paged<SelfCheck>(checks, checks.Length);
        }
    }

    /// <summary>Whether the caller reads Chinese (the bank and the criteria carry both languages).</summary>
    internal static bool IsChinese => RedFlagWords.Current == RedFlagWords.Chinese;

    internal static IReadOnlyList<Choice> RoleChoices() =>
        [.. BuyingRolesExtensions.Each.Select(r => new Choice(r.ToId(), LearningWords.Format("Role." + r.ToId())))];

    internal static Tree TreeOf(NeedsTreeBank.Exercise exercise, bool chinese)
    {
        var sheet = exercise.Tree(chinese);
        return new Tree(exercise.Id, exercise.Title.In(chinese), sheet.CurrentState, sheet.Branches.Select(Node).ToList());

        static TreeNode Node(Domain.Sheets.SheetNeed need) =>
            new(need.Layer?.ToId(), need.Problem, need.Solution, need.Children.Select(Node).ToList());
    }

    /// <summary>Open deals with at least two people in a buying role: the ones whose org chart makes a 2-1.</summary>
    internal static IQueryable<Opportunity> WithRolesMapped(AppDbContext db) =>
        db.Opportunities.Where(o => o.FunnelLevel != FunnelLevel.Won && o.FunnelLevel != FunnelLevel.Lost
                                    && o.Influences.Count(i => i.Roles != BuyingRoles.None) >= 2);

    private static async Task<Result<OrgChartData>> OrgChartAsync(AppDbContext db, Guid? opportunityId, CancellationToken ct)
    {
        // The caller's own deals first, by name (the owner's index finds them); else any they may read, in key order so
        // the database stops at the first few instead of sorting every deal it holds.
        var mine = db.CallerColleagueId is { } me
            ? await WithRolesMapped(db).Where(o => o.OwnerId == me).OrderBy(o => o.Name).ThenBy(o => o.Id)
                .Select(o => new DealChoice(o.Id, o.Name, o.Account!.Name)).Take(MaxDeals).ToListAsync(ct)
            : [];
        var deals = mine.Count > 0
            ? mine
            : await WithRolesMapped(db).OrderBy(o => o.Id).Select(o => new DealChoice(o.Id, o.Name, o.Account!.Name)).Take(MaxDeals).ToListAsync(ct);

        var chosenId = opportunityId ?? deals.FirstOrDefault()?.Id;
        if (chosenId is null) return new OrgChartData(null, null, null, null, [], RoleChoices(), [], LearningWords.Format("SelfCheck.NoDeal"));
        var deal = await db.Opportunities.Where(o => o.Id == chosenId)
            .Select(o => new { o.Id, o.Name, o.AccountId, Account = o.Account!.Name }).FirstOrDefaultAsync(ct);
        if (deal is null) return Versions.NotFound("opportunity", chosenId);

        var onDeal = await db.BuyingInfluences.Where(i => i.OpportunityId == deal.Id).Select(i => i.PersonId).ToListAsync(ct);
        // Everyone on the deal, then the rest of the org chart by name up to the page's size.
        var people = await db.People.Where(p => p.AccountId == deal.AccountId && p.Status == PersonStatus.Active)
            .OrderBy(p => onDeal.Contains(p.Id) ? 0 : 1).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Select(p => new OrgChartPerson(p.Id, p.Name, p.Title, p.Department != null ? p.Department.Name : null, p.ReportsToId))
            .Take(MaxPeople).ToListAsync(ct);
        if (deals.All(d => d.Id != deal.Id)) deals = [new DealChoice(deal.Id, deal.Name, deal.Account), .. deals];
        var sorted = people.OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).ToList();
        return new OrgChartData(deal.Id, deal.Name, deal.AccountId, deal.Account, sorted, RoleChoices(), deals, null);
    }
}
