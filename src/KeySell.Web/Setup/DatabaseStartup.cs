using KeySell.Application.Data;
using KeySell.Application.Demo;
using KeySell.Application.Identity;
using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Web.Setup;

public static class DatabaseStartup
{
    /// <summary>Applies migrations, makes sure an admin can sign in, and seeds the demo into a new database.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<WebActor>().ActAsOperator("system");
        var db = services.GetRequiredService<AppDbContext>();
        var options = services.GetRequiredService<KeySellOptions>();
        // Several servers may start at once on one empty database: one migrates and seeds, the
        // others wait, then find the admin and a database that is no longer new.
        await using var startupLock = await StartupLock.AcquireAsync(db, TimeSpan.FromMinutes(5));
        await db.Database.MigrateAsync();
        // A database nobody has signed in to yet is new: only then does the demo go in, so a team
        // that deleted the demo never sees it come back.
        var isNew = !await db.Users.AnyAsync();

        var admin = await services.GetRequiredService<EnsureAdmin.Handler>().Handle(new EnsureAdmin.Command(options.Admin.Email, options.Admin.Password));
        if (admin.GeneratedPassword is not null)
        {
            // Printed once, on the console only: it is never stored in clear or logged.
            Console.WriteLine();
            Console.WriteLine("  KeySell admin sign-in (shown once; change it after signing in):");
            Console.WriteLine($"    email:    {admin.Email}");
            Console.WriteLine($"    password: {admin.GeneratedPassword}");
            Console.WriteLine();
        }

        if (isNew && options.SeedDemoData)
        {
            // The demo's deals belong to its seller, so each demo role sees what that role sees.
            await services.GetRequiredService<SeedDemo.Handler>().Handle(new SeedDemo.Command(null), CancellationToken.None);
            var team = await services.GetRequiredService<SeedDemoTeam.Handler>().Handle(new SeedDemoTeam.Command(), CancellationToken.None);
            if (team.Count > 0)
            {
                Console.WriteLine("  Demo team sign-ins (shown once):");
                foreach (var signIn in team)
                    Console.WriteLine($"    {signIn.Role.ToId(),-8} {signIn.Email,-34} {signIn.Password,-18} {signIn.Name} — {signIn.Team}");
                Console.WriteLine();
            }
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls) Console.WriteLine($"  KeySell is running at {url}");
        });
    }
}
