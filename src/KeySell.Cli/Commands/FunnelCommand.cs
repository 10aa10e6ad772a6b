using System.CommandLine;
using System.Globalization;
using KeySell.Application.Data;
using KeySell.Application.Funnel;
using KeySell.Application.Quotas;
using KeySell.Domain.Common;
using KeySell.Domain.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeySell.Cli.Commands.UseCaseResults;

namespace KeySell.Cli.Commands;

/// <summary>
/// <c>keysell funnel [--period P] [--team NAME] [--json]</c> (funnel contract): the funnel summary and
/// each member's coverage for everything in the database — what a sales director reads before a
/// pipeline meeting, from the same use cases as GET /api/funnel and GET /api/coverage.
/// </summary>
public static class FunnelCommand
{
    public static Command Create(CliHost host, Terminal terminal)
    {
        var period = new Option<string?>("--period")
        {
            Description = "A year (2027) or a quarter (2027-Q1): the funnel counts only deals closing in it, and coverage is against that period's quotas. " +
                "Default: the whole funnel, and coverage for the current quarter.",
            HelpName = "P",
        };
        var team = new Option<string?>("--team")
        {
            Description = "Only the deals owned by this team's members (its name or id), and only its members' coverage. Default: everyone.",
            HelpName = "NAME",
        };
        var json = new Option<bool>("--json") { Description = "Print { period, scope, funnel, members } as JSON (funnel as GET /api/funnel answers)." };
        var command = new Command("funnel", "Print the funnel summary (deals, amount in the base currency and premature deals per level) and each member's quota coverage.")
        {
            period, team, json,
        };
        command.SetAction((parsed, ct) => host.RunAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await CliHost.RequireUpToDateAsync(db, ct);

            var given = parsed.GetValue(period);
            var quotaPeriod = given is null ? QuotaPeriod.CurrentQuarter(services.GetRequiredService<TimeProvider>()) : Unwrap(QuotaPeriod.Parse(given), _ => "--period");
            var teamName = parsed.GetValue(team);
            var teamDetail = teamName is null ? null : await TeamCommands.FindAsync(services, teamName, ct);
            var scope = teamDetail is null ? PipelineScope.All : PipelineScope.Team(teamDetail.Id);

            var funnel = Unwrap(await services.GetRequiredService<GetFunnelSummary.Handler>().Handle(new GetFunnelSummary.Query(
                scope.ToString(),
                given is null ? null : Day(quotaPeriod.First),
                given is null ? null : Day(quotaPeriod.Last)), ct));

            var members = await MembersAsync(db, teamDetail?.Id, quotaPeriod, ct);
            var coverage = await db.ForMembersAsync([.. members.Select(m => m.Id)], quotaPeriod, ct);
            var rows = members.Zip(coverage, (m, c) => new MemberRow(m.Id, m.Email, m.Name, c.Quota, c.Won, c.Weighted, c.Coverage, c.Gap)).ToList();

            if (parsed.GetValue(json))
            {
                await JsonConventions.WriteAsync(terminal, new Report(quotaPeriod.Text, given is not null, scope.ToString(), funnel, rows));
                return ExitCodes.Done;
            }

            var currency = funnel.BaseCurrency;
            await terminal.Out.WriteLineAsync(given is null
                ? $"Funnel of {(teamDetail?.Name ?? "everyone")}, every close date; amounts in {currency}."
                : $"Funnel of {(teamDetail?.Name ?? "everyone")}, deals closing in {quotaPeriod.Text}; amounts in {currency}.");
            await TextTable.WriteAsync(terminal, ["LEVEL", "DEALS", "AMOUNT", "PREMATURE"], funnel.Levels.Select(l => (IReadOnlyList<string>)
                [l.Level.ToId(), Count(l.Count), Money(l.Amount), l.Level is Domain.Opportunities.FunnelLevel.Won or Domain.Opportunities.FunnelLevel.Lost ? "" : Count(l.Premature)]));
            if (funnel.Unconverted > 0)
                await terminal.Out.WriteLineAsync($"{Count(funnel.Unconverted)} deal(s) have an amount in a currency without a rate to {currency}: counted, left out of the amounts (set rates with PUT /api/settings/money).");

            await terminal.Out.WriteLineAsync();
            await terminal.Out.WriteLineAsync($"Coverage for {quotaPeriod.Text} (won + weighted pipeline against the quota, {currency}):");
            if (rows.Count == 0)
            {
                await terminal.Out.WriteLineAsync("No sellers or managers.");
                return ExitCodes.Done;
            }
            await TextTable.WriteAsync(terminal, ["MEMBER", "QUOTA", "WON", "WEIGHTED", "COVERAGE", "GAP"], rows.Select(r => (IReadOnlyList<string>)
                [$"{r.Name} <{r.Email}>", r.Quota is { } q ? Money(q) : "no quota", Money(r.Won), Money(r.Weighted),
                 r.Coverage is { } c ? c.ToString("0.00", CultureInfo.InvariantCulture) : "", r.Gap is { } g ? Money(g) : ""]));
            return ExitCodes.Done;
        }));
        return command;
    }

    /// <summary>
    /// Whose coverage is shown: a team's members, or everyone who sells (sellers and managers, not
    /// disabled) and anyone else with a quota for the period — ordered by name, then email.
    /// </summary>
    private static async Task<List<Member>> MembersAsync(AppDbContext db, Guid? teamId, QuotaPeriod period, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        users = teamId is { } id
            ? users.Where(u => db.TeamMembers.Any(m => m.TeamId == id && m.UserId == u.Id))
            : users.Where(u => (!u.Disabled && (u.Role == Role.Seller || u.Role == Role.Manager)) || db.Quotas.Any(q => q.UserId == u.Id && q.Period == period.Text));
        var found = await users
            .Select(u => new { u.Id, Email = u.Email ?? "", Name = db.Colleagues.Where(c => c.Id == u.ColleagueId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. found.Select(u => new Member(u.Id, u.Email, u.Name ?? u.Email))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture).ThenBy(m => m.Email, StringComparer.Ordinal)];
    }

    private static string Day(DateOnly day) => day.ToString(FunnelFilter.DateFormat, CultureInfo.InvariantCulture);
    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    private static string Money(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture);

    private sealed record Member(string Id, string Email, string Name);

    public sealed record MemberRow(string UserId, string Email, string Name, decimal? Quota, decimal Won, decimal Weighted, decimal? Coverage, decimal? Gap);

    /// <param name="PeriodFiltersFunnel">Whether the funnel counts only deals closing in the period (--period given).</param>
    public sealed record Report(string Period, bool PeriodFiltersFunnel, string Scope, GetFunnelSummary.Summary Funnel, IReadOnlyList<MemberRow> Members);
}
