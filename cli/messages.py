"""CLI output in the user's language."""

from core import i18n

MESSAGES = {
    "cli.not_empty": {
        "zh_CN": "数据文件夹 {path} 已有数据；如要覆盖请加 --force（现有数据会先备份）。",
        "en": "The data folder {path} already holds data; add --force to replace it "
        "(the current data is backed up first).",
    },
    "cli.demo_done": {
        "zh_CN": "演示工厂已创建：{path}（{people} 人）。登录：{username} / {password}",
        "en": "Demo plant created in {path} ({people} people). Log in: {username} / {password}",
    },
    "cli.check_ok": {"zh_CN": "数据文件完好：{path}", "en": "The data file is sound: {path}"},
    "cli.no_display": {
        "zh_CN": "没有图形显示（未设置 DISPLAY），已将主要页面截图保存到 {path}",
        "en": "No display (DISPLAY is not set); the main pages were rendered to {path}",
    },
    "cli.unknown_page": {
        "zh_CN": "没有页面“{page}”。可用页面：{pages}",
        "en": "There is no page “{page}”. Pages: {pages}",
    },
    "cli.import_ok": {
        "zh_CN": "导入完成：新增 {created} 人，更新 {updated} 人，未变或跳过 {skipped} 人。",
        "en": "Import done: {created} added, {updated} updated, {skipped} unchanged or skipped.",
    },
    "cli.import_dry": {
        "zh_CN": "检查通过：{count} 行可以导入（未写入，--dry-run）。",
        "en": "Check passed: {count} rows can be imported (nothing written, --dry-run).",
    },
    "cli.import_failed": {
        "zh_CN": "发现 {count} 处问题，未导入任何数据。",
        "en": "{count} problems found; nothing was imported.",
    },
    "cli.unmatched": {
        "zh_CN": "未识别的列（可用 --map '表头=字段' 指定）：{headers}",
        "en": "Unrecognised columns (map them with --map 'header=field'): {headers}",
    },
    "cli.not_initialised": {
        "zh_CN": "数据文件夹 {path} 还没有工厂。请先运行程序完成首次设置，或运行 demo。",
        "en": "The data folder {path} has no plant yet. Run the app's first-time set-up or `demo`.",
    },
    "cli.bad_size": {
        "zh_CN": "尺寸格式应为 宽x高，例如 1600x1000。",
        "en": "The size must look like WIDTHxHEIGHT, e.g. 1600x1000.",
    },
}
i18n.register(MESSAGES)
