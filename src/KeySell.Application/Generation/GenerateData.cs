using KeySell.Application.Analysis;
using System.Diagnostics;
using KeySell.Application.Data;
using KeySell.Application.IdealCustomer;
using KeySell.Domain.Accounts;
using KeySell.Application.Identity;
using KeySell.Domain.Colleagues;
using KeySell.Domain.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Generation;

/// <summary>
/// <c>keysell generate-data</c>: fills a database with made-up accounts, org charts and deals for
/// demos, load tests and benchmarks — a million deals in minutes. The sales team (sellers,
/// managers and viewers in teams, all with one password) is created through Identity and the
/// context like any user; the bulk of the rows goes straight to the tables through
/// <see cref="BulkRows"/>, stamped as the operator's saves. A database that already has accounts,
/// people or deals is refused unless <see cref="Command.Append"/> is set.
/// </summary>
public static class GenerateData
{
    public const int MaxAccounts = 10_000_000;
    public const int MaxOpportunities = 100_000_000;
    public const double MinPeoplePerAccount = 3;
    public const double MaxPeoplePerAccount = 1_000;
    public const int MaxBigAccountPeople = 100_000;

    /// <summary>How many deals one made-up seller owns on average (the issue's busiest seller had 4,878).</summary>
    private const int DealsPerSeller = 5_000;
    private const int MaxSellers = 200;
    private const int SellersPerTeam = 20;
    private const int Counterparts = 20;
    /// <summary>Accounts made and written at a time: with their people and deals a few megabytes of records.</summary>
    private const int AccountsPerBatch = 500;
    /// <summary>Rows per transaction: large enough to be fast, small enough to keep the journal bounded.</summary>
    private const long RowsPerCommit = 500_000;
    public const string EmailDomain = "data.keysell.example";

    public sealed record Command(
        int Accounts, int Opportunities, double PeoplePerAccount = 9.5, int Seed = 1, bool Append = false,
        int BigAccounts = 0, int BigAccountPeople = 2_000, string? Password = null);

    public sealed record SignIn(string Email, string Name, Role Role, string Team);

    public sealed record Outcome(
        bool Refused, long Accounts, long Relations, long Departments, long People, long Opportunities, long Influences,
        IReadOnlyList<SignIn> NewSignIns, string? Password, Guid? BigAccountId, TimeSpan Elapsed, TimeSpan BulkElapsed, TimeSpan BulkProcessorTime)
    {
        public long Rows => Accounts + Relations + Departments + People + Opportunities + Influences;
    }

    public sealed record Progress(int Accounts, int AccountsAsked, long Rows, TimeSpan Elapsed);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, TimeProvider time)
    {
        public async Task<Outcome> Handle(Command command, IProgress<Progress>? progress, CancellationToken ct, IProgress<long>? judging = null)
        {
            Validate(command);
            var clock = Stopwatch.StartNew();
            var accountsBefore = await db.Accounts.IgnoreQueryFilters().LongCountAsync(ct);
            var hasData = accountsBefore > 0
                          || await db.People.IgnoreQueryFilters().AnyAsync(ct)
                          || await db.Opportunities.IgnoreQueryFilters().AnyAsync(ct);
            if (hasData && !command.Append)
                return new Outcome(true, 0, 0, 0, 0, 0, 0, [], null, null, clock.Elapsed, TimeSpan.Zero, TimeSpan.Zero);

            var password = command.Password ?? GeneratedPasswords.New();
            var (salesForce, signIns) = await EnsureSalesForceAsync(command, password, ct);
            db.ChangeTracker.Clear();

            // Appending to the same seed must not repeat the first run's ids: the existing count is part of the seed.
            var seed = HashCode.Combine(command.Seed, accountsBefore);
            if (accountsBefore == 0) seed = command.Seed;
            // The team's criteria (the defaults, stored now if none are) are what the made-up accounts are rated on.
            var criteria = await FitCriteria.TrackedAsync(db, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var made = new MadeUpAccounts(seed, command, accountsBefore, salesForce, time.GetUtcNow(), db.Caller.Name,
                [.. criteria.Select(c => new FitScore.Rated(c.Weight, null))], [.. criteria.Select(c => c.Id)]);

            // The rate is the bulk load's own: creating the sales team through Identity takes seconds whatever the size.
            var bulk = Stopwatch.StartNew();
            // Processor time too: on a shared machine the wall clock measures the neighbours as much as the load.
            var processorBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            long relations = 0, departments = 0, people = 0, opportunities = 0, influences = 0, sinceCommit = 0;
            Guid? bigAccount = null;
            await using (var rows = await BulkRows.OpenAsync(db, ct))
            {
                while (made.Made < command.Accounts)
                {
                    var batch = made.Next(AccountsPerBatch);
                    if (bigAccount is null && command.BigAccounts > 0) bigAccount = batch.Accounts[0].Id;
                    // Parents before children, as the foreign keys check them row by row on SQLite.
                    await rows.WriteAsync(batch.Accounts, ct);
                    await rows.WriteAsync(batch.Ratings, ct);
                    await rows.WriteAsync(batch.Relations, ct);
                    await rows.WriteAsync(batch.Departments, ct);
                    await rows.WriteAsync(batch.People, ct);
                    await rows.WriteAsync(batch.Opportunities, ct);
                    await rows.WriteAsync(batch.Influences, ct);
                    await rows.WriteAsync(batch.FunnelChanges, ct);
                    relations += batch.Relations.Count;
                    departments += batch.Departments.Count;
                    people += batch.People.Count;
                    opportunities += batch.Opportunities.Count;
                    influences += batch.Influences.Count;
                    sinceCommit += batch.Rows;
                    if (sinceCommit >= RowsPerCommit)
                    {
                        await rows.CommitAsync(ct);
                        sinceCommit = 0;
                        progress?.Report(new Progress(made.Made, command.Accounts, rows.Written, bulk.Elapsed));
                    }
                }
                await rows.FinishAsync(ct);
                progress?.Report(new Progress(made.Made, command.Accounts, rows.Written, bulk.Elapsed));
            }
            // The stored summaries are what lists and Home read; a load past the change tracker writes them afterwards,
            // through the same analysis a save uses.
            judging?.Report(opportunities);
            await new RefreshStoredAnalyses.Handler(db).Handle(new RefreshStoredAnalyses.Command(), ct);
            return new Outcome(false, command.Accounts, relations, departments, people, opportunities, influences,
                signIns, signIns.Count > 0 ? password : null, bigAccount, clock.Elapsed, bulk.Elapsed, System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - processorBefore);
        }

        private static void Validate(Command command)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(command.Accounts, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(command.Accounts, MaxAccounts);
            ArgumentOutOfRangeException.ThrowIfNegative(command.Opportunities);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(command.Opportunities, MaxOpportunities);
            ArgumentOutOfRangeException.ThrowIfLessThan(command.PeoplePerAccount, MinPeoplePerAccount);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(command.PeoplePerAccount, MaxPeoplePerAccount);
            ArgumentOutOfRangeException.ThrowIfNegative(command.BigAccounts);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(command.BigAccounts, command.Accounts);
            ArgumentOutOfRangeException.ThrowIfLessThan(command.BigAccountPeople, (int)MinPeoplePerAccount);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(command.BigAccountPeople, MaxBigAccountPeople);
        }

        /// <summary>
        /// Teams of sellers with a manager and a viewer each, so access-filtered runs see what a real
        /// team sees. Users found by email from an earlier run are reused (their password unchanged).
        /// </summary>
        private async Task<(MadeUpSalesForce, IReadOnlyList<SignIn>)> EnsureSalesForceAsync(Command command, string password, CancellationToken ct)
        {
            var sellers = Math.Clamp((command.Opportunities + DealsPerSeller - 1) / DealsPerSeller, 2, MaxSellers);
            var teamCount = (sellers + SellersPerTeam - 1) / SellersPerTeam;
            var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), password);
            var signIns = new List<SignIn>();
            var sellersByTeam = new List<IReadOnlyList<Guid>>();
            for (var t = 1; t <= teamCount; t++)
            {
                var teamName = $"大客户{t}部 Key Accounts {t}";
                var team = await db.Teams.Include(x => x.Members).FirstOrDefaultAsync(x => x.Name == teamName, ct);
                if (team is null)
                {
                    team = db.Teams.Add(new Team { Name = teamName }).Entity;
                    await db.SaveChangesAsync(ct);
                }
                var members = new List<(string Email, string Name, string Title, Role Role)>
                {
                    ($"manager.{t:00}@{EmailDomain}", $"经理{t:00} Manager {t:00}", "销售经理 Sales Manager", Role.Manager),
                    ($"viewer.{t:00}@{EmailDomain}", $"观察员{t:00} Viewer {t:00}", "销售运营 Sales Operations", Role.Viewer),
                };
                for (var s = (t - 1) * SellersPerTeam + 1; s <= Math.Min(t * SellersPerTeam, sellers); s++)
                    members.Add(($"seller.{s:000}@{EmailDomain}", $"销售{s:000} Seller {s:000}", "客户经理 Account Manager", Role.Seller));

                var teamSellers = new List<Guid>();
                foreach (var (email, name, title, role) in members)
                {
                    var user = await users.FindByEmailAsync(email);
                    if (user is null)
                    {
                        var colleague = db.Colleagues.Add(new Colleague { Name = name, Title = title, Email = email }).Entity;
                        await db.SaveChangesAsync(ct);
                        // One hash for every made-up user: hashing is deliberately slow, and they share the password anyway.
                        user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, ColleagueId = colleague.Id, Role = role, LockoutEnabled = true, PasswordHash = hash };
                        var created = await users.CreateAsync(user);
                        if (!created.Succeeded)
                            throw new InvalidOperationException($"Cannot create the user {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                        signIns.Add(new SignIn(email, name, role, teamName));
                    }
                    if (team.Members.All(m => m.UserId != user.Id)) team.Members.Add(new TeamMember { UserId = user.Id, Manager = role == Role.Manager });
                    if (role == Role.Seller) teamSellers.Add(user.ColleagueId!.Value);
                }
                await db.SaveChangesAsync(ct);
                sellersByTeam.Add(teamSellers);
            }

            // Presales engineers and specialists who are counterparts (对应者) but do not sign in.
            var counterparts = new List<Guid>();
            for (var c = 1; c <= Counterparts; c++)
            {
                var email = $"presales.{c:00}@{EmailDomain}";
                var colleague = await db.Colleagues.FirstOrDefaultAsync(x => x.Email == email, ct)
                                ?? db.Colleagues.Add(new Colleague { Name = $"售前{c:00} Presales {c:00}", Title = "售前工程师 Presales Engineer", Email = email }).Entity;
                counterparts.Add(colleague.Id);
            }
            await db.SaveChangesAsync(ct);
            counterparts.AddRange(sellersByTeam.SelectMany(s => s));
            return (new MadeUpSalesForce(sellersByTeam, counterparts), signIns);
        }
    }
}
