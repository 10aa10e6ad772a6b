using KeySell.Application.Identity;
using KeySell.Application.Money;

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
    }
}
