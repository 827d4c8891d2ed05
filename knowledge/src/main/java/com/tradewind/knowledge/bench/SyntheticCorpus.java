package com.tradewind.knowledge.bench;

import com.tradewind.knowledge.passage.Passage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates mixed Chinese/English passages with Zipf-distributed vocabulary (domain words, then a long tail), so that term
 * statistics look like a real knowledge base rather than uniform noise. Deterministic per seed.
 */
public final class SyntheticCorpus {

  private static final String[] ZH = ("卖家 买家 订单 物流 运费 模板 仲裁 纠纷 退款 退货 平台 店铺 商品 标题 主图 类目 审核 申诉 资质 营业执照 保证金 年费 佣金 放款 提现 结算 汇率 海外仓 清关 关税 增值税 包裹 快递 妥投 签收 揽收 发货 承诺 时效 经济型 标准型 快速型 无忧 线上 发货期 工作日 天 小时 证据 截图 照片 视频 客服 响应 好评率 差评 纠纷率 处罚 扣分 冻结 知识产权 侵权 品牌 授权 商标 禁售 限售 认证 优惠券 折扣 联盟 营销 直通车 大促 账号 密码 验证 子账号 安全 风险 规则 流程 步骤 要求 材料 提交 上传 下载 设置 管理 数据 分析 优化 转化率 库存 价格 成本 利润 国家 地区 俄罗斯 美国 巴西 西班牙 法国 欧盟 英国")
      .split(" ");
  private static final String[] EN = ("seller buyer order shipping freight template arbitration dispute refund return platform store product title image category review appeal qualification license deposit fee commission payout withdrawal settlement exchange rate warehouse customs duty vat parcel courier delivered signed pickup dispatch promised delivery time economy standard express premium online handling business day days hours evidence screenshot photo video support response rating negative penalty points frozen intellectual property infringement brand authorization trademark prohibited restricted certification coupon discount affiliate marketing ads campaign account password verification security risk rule process step requirement document submit upload download setting manage data analysis conversion inventory price cost profit country region russia united states brazil spain france europe kingdom the a of to and in for is on with within after before must can will should your our this that")
      .split(" ");

  private static final String HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
  private static final String[] ZH_WORDS = words(true);
  private static final String[] EN_WORDS = words(false);

  private final SplittableRandom random;

  public SyntheticCorpus(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Domain words first (the frequent ranks), then 5,000 generated words for a realistic long tail. */
  private static String[] words(boolean chinese) {
    SplittableRandom r = new SplittableRandom(chinese ? 1 : 2);
    String[] domain = chinese ? ZH : EN;
    String[] all = new String[domain.length + 5000];
    System.arraycopy(domain, 0, all, 0, domain.length);
    String[] syllables = {"ka", "lo", "mi", "ter", "san", "vo", "pre", "dis", "ul", "ren", "tor", "ex", "ba", "qu", "ni", "ster"};
    for (int i = domain.length; i < all.length; i++) {
      StringBuilder w = new StringBuilder();
      int parts = 2 + r.nextInt(2);
      for (int p = 0; p < parts; p++) {
        w.append(chinese ? String.valueOf(HAN.charAt(r.nextInt(HAN.length()))) : syllables[r.nextInt(syllables.length)]);
      }
      all[i] = w.toString();
    }
    return all;
  }

  public List<Passage> passages(int count) {
    List<Passage> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean zh = (i & 1) == 0;
      int doc = i / 20;
      String text = zh ? chinese(80 + random.nextInt(220)) : english(40 + random.nextInt(80));
      String title = zh ? chinese(8) : english(5);
      out.add(new Passage("bench/doc" + doc + "#" + i, "bench/doc" + doc + (zh ? ".zh.md" : ".en.md"), title,
          zh ? chinese(6) : english(3), text, i % 20, zh ? "zh" : "en"));
    }
    return out;
  }

  /** A query of two to four vocabulary words in one of the two languages. */
  public String query(boolean chinese) {
    int words = 2 + random.nextInt(3);
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < words; i++) {
      if (!chinese && i > 0) {
        q.append(' ');
      }
      q.append(chinese ? ZH_WORDS[zipf(ZH_WORDS.length)] : EN_WORDS[zipf(EN_WORDS.length)]);
    }
    return q.toString();
  }

  private String chinese(int chars) {
    StringBuilder sb = new StringBuilder(chars + 8);
    while (sb.length() < chars) {
      sb.append(ZH_WORDS[zipf(ZH_WORDS.length)]);
      if (random.nextInt(12) == 0) {
        sb.append(random.nextInt(3) == 0 ? "。" : "，");
      }
      if (random.nextInt(20) == 0) {
        sb.append(1 + random.nextInt(60));
      }
    }
    return sb.append('。').toString();
  }

  private String english(int words) {
    StringBuilder sb = new StringBuilder(words * 8);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        sb.append(random.nextInt(15) == 0 ? ". " : " ");
      }
      sb.append(EN_WORDS[zipf(EN_WORDS.length)]);
    }
    return sb.append('.').toString();
  }

  /** Roughly Zipfian rank in [0, n). */
  private int zipf(int n) {
    double u = random.nextDouble();
    return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, u) - 1));
  }
}
