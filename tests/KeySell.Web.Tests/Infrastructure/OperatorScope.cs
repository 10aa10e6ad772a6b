using KeySell.Web.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace KeySell.Web.Tests.Infrastructure;

public static class OperatorScope
{
    /// <summary>A scope that acts as the machine's operator (admin rights), for arranging data and checking what was stored.</summary>
    public static AsyncServiceScope CreateOperatorScope(this IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<WebActor>().ActAsOperator("test");
        return scope;
    }
}
