using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace KeySell.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        AppDbContextFactory.Create(DatabaseProvider.Postgres, "Host=localhost;Database=keysell_design");
}
