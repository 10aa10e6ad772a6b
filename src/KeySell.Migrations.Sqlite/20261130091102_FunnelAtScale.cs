using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FunnelAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.FunnelTotalsSql.Sqlite.Up) migrationBuilder.Sql(sql);
            foreach (var sql in KeySell.Application.Data.Sql.FunnelBoardSql.Up) migrationBuilder.Sql(sql);
            foreach (var sql in KeySell.Application.Data.Sql.StoredAnalysisSql.Up) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.StoredAnalysisSql.Down) migrationBuilder.Sql(sql);
            foreach (var sql in KeySell.Application.Data.Sql.FunnelBoardSql.Down) migrationBuilder.Sql(sql);
            foreach (var sql in KeySell.Application.Data.Sql.FunnelTotalsSql.Sqlite.Down) migrationBuilder.Sql(sql);
        }
    }
}
