using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeySell.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkQueueByOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.WorkQueueSql.ByOwnerUp) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in KeySell.Application.Data.Sql.WorkQueueSql.ByOwnerDown) migrationBuilder.Sql(sql);
        }
    }
}
