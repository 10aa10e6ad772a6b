using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FunnelBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AnalysisSummaries_OpportunityId_Premature",
                table: "AnalysisSummaries",
                columns: new[] { "OpportunityId", "Premature" });

            foreach (var sql in KeySell.Application.Data.Sql.FunnelSql.Up) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.FunnelSql.Down) migrationBuilder.Sql(sql);

            migrationBuilder.DropIndex(
                name: "IX_AnalysisSummaries_OpportunityId_Premature",
                table: "AnalysisSummaries");
        }
    }
}
