//! Report fragments for the rules' documentation examples (which run as tests).

/// A 2019-format applications table, tab-separated as copied from Word: every
/// result row 0 except （一）予以公开; the rows given as seven values each.
macro_rules! requests_table {
    (new: $new:literal, carried_in: $ci:literal, granted: $g:literal, total: $t:literal, carried_out: $co:literal) => {
        concat!(
            "三、收到和处理政府信息公开申请情况\n",
            "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n",
            "一、本年新收政府信息公开申请数量\t", $new, "\n",
            "二、上年结转政府信息公开申请数量\t", $ci, "\n",
            "三、本年度办理结果\t（一）予以公开\t", $g, "\n",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\n",
            "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n",
            "2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n",
            "3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n",
            "4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0\n",
            "5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n",
            "6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0\n",
            "7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n",
            "8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n",
            "（四）无法提供\t1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0\n",
            "2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0\n",
            "3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0\n",
            "（五）不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n",
            "2.重复申请\t0\t0\t0\t0\t0\t0\t0\n",
            "3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0\n",
            "4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0\n",
            "5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n",
            "（六）其他处理\t0\t0\t0\t0\t0\t0\t0\n",
            "（七）总计\t", $t, "\n",
            "四、结转下年度继续办理\t", $co, "\n",
        )
    };
}
pub(crate) use requests_table;
