using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Application;

public static class ApplicationSetup
{
    /// <summary>
    /// Registers every use case's nested <c>Handler</c> class, so adding a use case is adding one
    /// file: no list to keep in step.
    /// </summary>
    public static IServiceCollection AddKeySellHandlers(this IServiceCollection services)
    {
        var handlers = typeof(ApplicationSetup).Assembly.GetTypes()
            .Where(t => t is { Name: "Handler", IsClass: true, IsAbstract: false, IsNested: true });
        foreach (var handler in handlers) services.AddScoped(handler);
        return services;
    }
}
