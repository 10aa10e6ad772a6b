using KeySell.Application.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace KeySell.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without a running host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        AppDbContextFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db");
}
