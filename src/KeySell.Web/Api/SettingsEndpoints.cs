using KeySell.Application.Identity;
using KeySell.Application.Money;
using KeySell.Application.Quotas;

namespace KeySell.Web.Api;

public static class SettingsEndpoints
{
    /// <summary>The settings the whole team works by (funnel contract: money).</summary>
    public static void MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");

        settings.MapGet("/money", async (GetMoneySettings.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetMoneySettings.Query(), ct)).ToOk())
            .WithName("GetMoneySettings").WithSummary("The base currency every sum is shown in, and the rate of each other currency to it.")
            .Produces<MoneySettings>();

        settings.MapPut("/money", async (SaveMoneySettings.Command command, SaveMoneySettings.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToOk())
            .RequireAuthorization(Roles.Admin)
            .WithName("SaveMoneySettings").WithSummary("Replaces the base currency and the rate table (admin only); answers as the GET does.")
            .Produces<MoneySettings>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        settings.MapGet("/win-rates", async (GetWinRateSettings.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetWinRateSettings.Query(), ct)).ToOk())
            .WithName("GetWinRateSettings").WithSummary("The default win rate of each funnel level, used where the team has fewer than 10 closed deals that reached it.")
            .Produces<WinRateSettings>();

        settings.MapPut("/win-rates", async (SaveWinRateSettings.Command command, SaveWinRateSettings.Handler handler, CancellationToken ct) =>
                (await handler.Handle(command, ct)).ToOk())
            .RequireAuthorization(Roles.Admin)
            .WithName("SaveWinRateSettings").WithSummary("Replaces the default win rates (admin only; each above 0 and at most 1); answers as the GET does.")
            .Produces<WinRateSettings>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
