using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FunnelPremature : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Premature",
                table: "Opportunities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            foreach (var sql in KeySell.Application.Data.Sql.FunnelPrematureSql.Up) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.FunnelPrematureSql.Down) migrationBuilder.Sql(sql);

            migrationBuilder.DropColumn(
                name: "Premature",
                table: "Opportunities");
        }
    }
}
