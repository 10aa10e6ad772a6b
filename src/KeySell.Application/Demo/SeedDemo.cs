using KeySell.Application.Data;
using KeySell.Application.IdealCustomer;
using KeySell.Domain.Accounts;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Money;
using KeySell.Domain.Objections;
using KeySell.Domain.Actions;
using KeySell.Domain.Calls;
using KeySell.Domain.Needs;
using KeySell.Domain.Process;
using KeySell.Domain.Swot;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.RelationshipMap;
using KeySell.Domain.Strengths;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Demo;

/// <summary>Seeds the bilingual demo accounts, people and opportunities into a new database.</summary>
public static class SeedDemo
{
    /// <param name="OwnerColleagueId">Who owns the demo opportunities (the admin's colleague), so "my opportunities" is not empty.</param>
    public sealed record Command(Guid? OwnerColleagueId);

    public sealed record Outcome(int Accounts, int People, int Opportunities);

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            // Any account means the team has data of its own (or the demo is already there):
            // mixing the demo into it would only confuse.
            if (await db.Accounts.AnyAsync(cancellationToken)) return new Outcome(0, 0, 0);

            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            // All or nothing, so a failure half-way never leaves a half demo that blocks a retry.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            var (accounts, people) = await SeedAccountsAsync(cancellationToken);
            var colleagues = await SeedColleaguesAsync(cancellationToken);
            var owner = command.OwnerColleagueId is { } ownerId && await db.Colleagues.AnyAsync(c => c.Id == ownerId, cancellationToken)
                ? ownerId
                : colleagues[DemoOpportunities.SalesRep].Id;
            // The accounts are kept by the one who sells there, like the deals.
            foreach (var account in accounts.Values) account.OwnerId = owner;
            await db.SaveChangesAsync(cancellationToken);
            var opportunities = await SeedOpportunitiesAsync(accounts, people, colleagues, owner, today, cancellationToken);
            await SeedRatesAsync(cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            return new Outcome(accounts.Count, people.Count, opportunities);
        }

        /// <summary>The demo's ratings on the default criteria (those the team still has), and the scores they give.</summary>
        private void RateAccounts(Dictionary<string, Account> accounts, List<FitCriterion> criteria)
        {
            var byKey = criteria.Where(c => c.DefaultKey is not null).ToDictionary(c => c.DefaultKey!);
            foreach (var group in DemoAccounts.Ratings.Where(r => byKey.ContainsKey(r.CriterionKey)).GroupBy(r => r.AccountKey))
            {
                var account = accounts[group.Key];
                foreach (var r in group)
                    db.FitRatings.Add(new FitRating { AccountId = account.Id, CriterionId = byKey[r.CriterionKey].Id, Rating = r.Rating, Note = r.Note });
                account.IdealCustomerScore = FitScore.Of(group.Select(r => new FitScore.Rated(byKey[r.CriterionKey].Weight, r.Rating)));
            }
        }

        private async Task<(Dictionary<string, Account> Accounts, Dictionary<(string Account, string Person), Person> People)> SeedAccountsAsync(
            CancellationToken cancellationToken)
        {
            var accounts = DemoAccounts.Accounts.ToDictionary(a => a.Key, a => new Account
            {
                Name = a.Name,
                Industry = a.Industry,
                Size = a.Size,
                Region = a.Region,
            });
            foreach (var demo in DemoAccounts.Accounts.Where(a => a.ParentKey is not null))
            {
                accounts[demo.Key].ParentAccount = accounts[demo.ParentKey!];
            }
            foreach (var relation in DemoAccounts.Relations)
            {
                accounts[relation.AccountKey].Relations.Add(new AccountRelation
                {
                    RelatedAccountId = accounts[relation.RelatedAccountKey].Id,
                    RelatedAccount = accounts[relation.RelatedAccountKey],
                    Type = relation.Type,
                });
            }
            db.Accounts.AddRange(accounts.Values);
            RateAccounts(accounts, await FitCriteria.TrackedAsync(db, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);

            var departments = new Dictionary<(string, string), Department>();
            // Top-level departments first: a sub-department's parent row must exist, and the
            // parent link has no navigation that would let EF order the inserts itself.
            foreach (var level in DemoAccounts.Departments.GroupBy(d => d.ParentKey is null).OrderByDescending(g => g.Key))
            {
                foreach (var demo in level)
                {
                    departments[(demo.AccountKey, demo.Key)] = db.Departments.Add(new Department
                    {
                        AccountId = accounts[demo.AccountKey].Id,
                        Name = demo.Name,
                        ParentDepartmentId = demo.ParentKey is null ? null : departments[(demo.AccountKey, demo.ParentKey)].Id,
                    }).Entity;
                }
                await db.SaveChangesAsync(cancellationToken);
            }

            var emailDomains = DemoAccounts.Accounts.ToDictionary(a => a.Key, a => a.EmailDomain);
            var people = new Dictionary<(string, string), Person>();
            foreach (var demo in DemoAccounts.People)
            {
                people[(demo.AccountKey, demo.Key)] = new Person
                {
                    AccountId = accounts[demo.AccountKey].Id,
                    Name = demo.Name,
                    Title = demo.Title,
                    Department = demo.DepartmentKey is null ? null : departments[(demo.AccountKey, demo.DepartmentKey)],
                    ReportsTo = demo.ReportsToKey is null ? null : people[(demo.AccountKey, demo.ReportsToKey)],
                    Email = demo.Key.Replace('-', '.') + "@" + emailDomains[demo.AccountKey],
                    Phone = demo.Phone,
                    Responsibilities = demo.Responsibilities,
                    Preferences = demo.Preferences,
                    Status = demo.Status,
                    Seniority = DemoToolkit.Seniorities.GetValueOrDefault((demo.AccountKey, demo.Key)),
                };
            }
            db.People.AddRange(people.Values);
            await db.SaveChangesAsync(cancellationToken);
            return (accounts, people);
        }

        /// <summary>
        /// The demo deals are in CNY, the default base currency; a few common currencies get example rates (not
        /// today's market) so a deal a visitor enters in USD, EUR or HKD is converted on the funnel board rather than
        /// left out of its sums. A rate table the team already keeps is left alone.
        /// </summary>
        private async Task SeedRatesAsync(CancellationToken cancellationToken)
        {
            if (await db.CurrencyRates.AnyAsync(cancellationToken)) return;
            db.CurrencyRates.AddRange(
                new CurrencyRate { Currency = "USD", RateToBase = 7.1m },
                new CurrencyRate { Currency = "EUR", RateToBase = 7.7m },
                new CurrencyRate { Currency = "HKD", RateToBase = 0.91m });
            await db.SaveChangesAsync(cancellationToken);
        }

        private async Task<Dictionary<string, Colleague>> SeedColleaguesAsync(CancellationToken cancellationToken)
        {
            var colleagues = DemoOpportunities.Colleagues.ToDictionary(c => c.Key, c => new Colleague
            {
                Name = c.Name,
                Title = c.Title,
                Email = c.Email,
            });
            db.Colleagues.AddRange(colleagues.Values);
            await db.SaveChangesAsync(cancellationToken);
            return colleagues;
        }

        private async Task<int> SeedOpportunitiesAsync(
            Dictionary<string, Account> accounts, Dictionary<(string, string), Person> people, Dictionary<string, Colleague> colleagues,
            Guid owner, DateOnly today, CancellationToken cancellationToken)
        {
            foreach (var demo in DemoOpportunities.Opportunities)
            {
                var opportunity = new Opportunity
                {
                    AccountId = accounts[demo.AccountKey].Id,
                    Name = demo.Name,
                    Objective = new SalesObjective
                    {
                        Product = demo.Product,
                        Quantity = demo.Quantity,
                        Amount = demo.Amount,
                        Currency = "CNY",
                        CloseDate = today.AddDays(demo.CloseInDays),
                    },
                    Engagement = demo.Engagement,
                    FunnelLevel = demo.FunnelLevel,
                    ExpectedOutcome = demo.ExpectedOutcome,
                    OwnerId = owner,
                    CreatedOn = today.AddDays(-(demo.ToolkitKey is { } key ? DemoToolkit.CreatedDaysAgo[key] : DemoToolkit.CreatedDaysAgoWithoutToolkit)),
                };
                opportunity.Influences.AddRange(demo.Influences.Select((i, position) => new BuyingInfluence
                {
                    PersonId = people[(demo.AccountKey, i.PersonKey)].Id,
                    Key = i.PersonKey,
                    Position = position,
                    Roles = i.Roles,
                    Influence = i.Influence,
                    Support = i.Support,
                    Contact = i.Contact,
                    Mode = i.Mode,
                    CounterpartId = i.CounterpartKey is null ? null : colleagues[i.CounterpartKey].Id,
                    Since = DaysAgo(today, i.SinceDaysAgo),
                    LastContact = DaysAgo(today, i.LastContactDaysAgo),
                    Wins = [.. i.Wins],
                    Results = [.. i.Results],
                }));
                opportunity.Strengths.AddRange(demo.Strengths.Select((s, position) => new Strength
                {
                    Position = position,
                    Text = s.Text,
                    Addresses = [.. s.Addresses],
                }));
                opportunity.RedFlags.AddRange(demo.RedFlags.Select((f, position) => new ManualRedFlag
                {
                    Position = position,
                    Text = f.Text,
                    InfluenceKey = f.InfluenceKey,
                }));
                opportunity.Objections.AddRange(demo.Objections.Select((o, position) => new Objection
                {
                    Position = position,
                    FromKey = o.FromKey,
                    Text = o.Text,
                    Status = o.Status,
                }));
                if (demo.ToolkitKey is { } toolkit) AddToolkit(opportunity, toolkit, colleagues, today);
                db.Opportunities.Add(opportunity);
            }
            foreach (var (accountKey, lines) in DemoToolkit.PersonLines)
            {
                db.PersonLines.AddRange(lines.Select(l => new PersonLine
                {
                    AccountId = accounts[accountKey].Id, FromPersonId = people[(accountKey, l.From)].Id, ToPersonId = people[(accountKey, l.To)].Id,
                    Strength = l.Strength, Note = l.Note,
                }));
            }
            foreach (var (accountKey, swot) in DemoToolkit.AccountSwots)
                db.Swots.Add(new SwotAnalysis { AccountId = accounts[accountKey].Id, Strengths = [.. swot.Strengths], Weaknesses = [.. swot.Weaknesses], Opportunities = [.. swot.Opportunities], Threats = [.. swot.Threats] });
            await db.SaveChangesAsync(cancellationToken);
            return DemoOpportunities.Opportunities.Length;
        }

        private static DateOnly? DaysAgo(DateOnly today, int? days) => days is { } d ? today.AddDays(-d) : null;

        /// <summary>The deal's milestones, calls, action plan, needs tree and SWOT (<see cref="DemoToolkit"/>).</summary>
        private static void AddToolkit(Opportunity opportunity, string toolkitKey, Dictionary<string, Colleague> colleagues, DateOnly today)
        {
            opportunity.Milestones.AddRange(DemoToolkit.Milestones.GetValueOrDefault(toolkitKey, []).Select(m => new ProcessMilestone
            {
                Milestone = m.Id, Done = today.AddDays(-m.DaysAgo), Evidence = m.Evidence,
            }));
            opportunity.Calls.AddRange(DemoToolkit.Calls.GetValueOrDefault(toolkitKey, []).Select((c, position) => new Call
            {
                Key = c.Key, Position = position, Date = today.AddDays(c.InDays), With = [.. c.With], Status = c.Status, Commitment = c.Commitment,
                Questions = [.. c.Questions.Select(q => new CallQuestion(q.Type, q.Text))], Outcome = c.Outcome, Notes = c.Notes,
            }));
            opportunity.Actions.AddRange(DemoToolkit.Actions.GetValueOrDefault(toolkitKey, []).Select((a, position) => new SellingAction
            {
                Key = a.Key, Position = position, Text = a.Text, OwnerId = a.OwnerKey is null ? null : colleagues[a.OwnerKey].Id,
                Due = a.DueInDays is { } due ? today.AddDays(due) : null, Status = a.Status, InfluenceKey = a.InfluenceKey, Addresses = [.. a.Addresses],
            }));
            if (DemoToolkit.Needs.TryGetValue(toolkitKey, out var needs))
            {
                opportunity.Needs = new NeedsAnalysis { CurrentState = needs.CurrentState };
                void Add(DemoNeed[] level, Guid? parent)
                {
                    for (var i = 0; i < level.Length; i++)
                    {
                        var node = new NeedNode { ParentId = parent, Position = i, Layer = level[i].Layer, Problem = level[i].Problem, Solution = level[i].Solution };
                        opportunity.NeedNodes.Add(node);
                        Add(level[i].Children, node.Id);
                    }
                }
                Add(needs.Branches, null);
            }
            opportunity.InfluenceLines.AddRange(DemoToolkit.InfluenceLines.GetValueOrDefault(toolkitKey, []).Select((l, position) => new InfluenceLine
            {
                Position = position, FromKey = l.From, ToKey = l.To, Strength = l.Strength, Note = l.Note,
            }));
            if (DemoToolkit.Swots.TryGetValue(toolkitKey, out var swot))
                opportunity.Swot = new SwotAnalysis { Strengths = [.. swot.Strengths], Weaknesses = [.. swot.Weaknesses], Opportunities = [.. swot.Opportunities], Threats = [.. swot.Threats] };
        }
    }
}
