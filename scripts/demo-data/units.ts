/** Units, groups and bands of the illustrative Sơn La data set. */

import type { BandJson, GroupJson, TieBreaker } from "./results-package-json";

export interface DemoUnit {
  code: string;
  name: string;
}

export const PROVINCE_AUTHORITY = "UBND tỉnh Sơn La";
export const MAI_SON_AUTHORITY = "UBND huyện Mai Sơn";
export const ILLUSTRATIVE_SUFFIX = " (dữ liệu minh họa)";

export const departmentGroup: GroupJson = { code: "so", name: "Khối sở, ban, ngành" };
export const districtGroup: GroupJson = { code: "huyen", name: "Khối huyện, thành phố" };
export const communeGroup: GroupJson = { code: "xa", name: "Khối xã, thị trấn" };

export const demoBands: BandJson[] = [
  { label: "Xuất sắc", minIndex: 90 },
  { label: "Tốt", minIndex: 80 },
  { label: "Khá", minIndex: 70 },
  { label: "Trung bình", minIndex: 50 },
  { label: "Yếu", minIndex: 0 },
];

export const demoTieBreakers: TieBreaker[] = ["appraisalPoints", "surveyPoints"];

export const departments: DemoUnit[] = [
  { code: "so-noi-vu", name: "Sở Nội vụ" },
  { code: "so-tu-phap", name: "Sở Tư pháp" },
  { code: "so-ke-hoach-dau-tu", name: "Sở Kế hoạch và Đầu tư" },
  { code: "so-tai-chinh", name: "Sở Tài chính" },
  { code: "so-cong-thuong", name: "Sở Công Thương" },
  { code: "so-nong-nghiep-ptnt", name: "Sở Nông nghiệp và Phát triển nông thôn" },
  { code: "so-giao-thong-van-tai", name: "Sở Giao thông vận tải" },
  { code: "so-xay-dung", name: "Sở Xây dựng" },
  { code: "so-tai-nguyen-moi-truong", name: "Sở Tài nguyên và Môi trường" },
  { code: "so-thong-tin-truyen-thong", name: "Sở Thông tin và Truyền thông" },
  { code: "so-lao-dong-tbxh", name: "Sở Lao động - Thương binh và Xã hội" },
  { code: "so-van-hoa-tt-dl", name: "Sở Văn hóa, Thể thao và Du lịch" },
  { code: "so-khoa-hoc-cong-nghe", name: "Sở Khoa học và Công nghệ" },
  { code: "so-giao-duc-dao-tao", name: "Sở Giáo dục và Đào tạo" },
  { code: "so-y-te", name: "Sở Y tế" },
  { code: "thanh-tra-tinh", name: "Thanh tra tỉnh" },
  { code: "van-phong-ubnd-tinh", name: "Văn phòng UBND tỉnh" },
  { code: "ban-dan-toc", name: "Ban Dân tộc" },
];

export const districts: DemoUnit[] = [
  { code: "tp-son-la", name: "UBND thành phố Sơn La" },
  { code: "huyen-quynh-nhai", name: "UBND huyện Quỳnh Nhai" },
  { code: "huyen-thuan-chau", name: "UBND huyện Thuận Châu" },
  { code: "huyen-muong-la", name: "UBND huyện Mường La" },
  { code: "huyen-bac-yen", name: "UBND huyện Bắc Yên" },
  { code: "huyen-phu-yen", name: "UBND huyện Phù Yên" },
  { code: "huyen-moc-chau", name: "UBND huyện Mộc Châu" },
  { code: "huyen-yen-chau", name: "UBND huyện Yên Châu" },
  { code: "huyen-mai-son", name: "UBND huyện Mai Sơn" },
  { code: "huyen-song-ma", name: "UBND huyện Sông Mã" },
  { code: "huyen-sop-cop", name: "UBND huyện Sốp Cộp" },
  { code: "huyen-van-ho", name: "UBND huyện Vân Hồ" },
];

/** Communes of huyện Mai Sơn in 2022–2023 (15 units). */
export const communes: DemoUnit[] = [
  { code: "tt-hat-lot", name: "UBND thị trấn Hát Lót" },
  { code: "xa-chieng-mung", name: "UBND xã Chiềng Mung" },
  { code: "xa-chieng-ban", name: "UBND xã Chiềng Ban" },
  { code: "xa-chieng-mai", name: "UBND xã Chiềng Mai" },
  { code: "xa-chieng-dong", name: "UBND xã Chiềng Dong" },
  { code: "xa-chieng-kheo", name: "UBND xã Chiềng Kheo" },
  { code: "xa-chieng-ve", name: "UBND xã Chiềng Ve" },
  { code: "xa-chieng-luong", name: "UBND xã Chiềng Lương" },
  { code: "xa-chieng-chan", name: "UBND xã Chiềng Chăn" },
  { code: "xa-chieng-sung", name: "UBND xã Chiềng Sung" },
  { code: "xa-co-noi", name: "UBND xã Cò Nòi" },
  { code: "xa-hat-lot", name: "UBND xã Hát Lót" },
  { code: "xa-muong-bon", name: "UBND xã Mường Bon" },
  { code: "xa-muong-bang", name: "UBND xã Mường Bằng" },
  { code: "xa-na-bo", name: "UBND xã Nà Bó" },
];

/** The 2024 merge: Chiềng Dong and Chiềng Kheo become one commune under a new code. */
export const MERGED_COMMUNE = {
  code: "xa-chieng-dong-kheo",
  name: "UBND xã Chiềng Dong",
  predecessors: ["xa-chieng-dong", "xa-chieng-kheo"],
} as const;

export interface DemoUnitWithLineage extends DemoUnit {
  predecessors?: string[];
}

/** Communes of huyện Mai Sơn in 2024 (14 units): the two merged communes replaced by one. */
export const communes2024: DemoUnitWithLineage[] = communes.flatMap((unit): DemoUnitWithLineage[] => {
  if (unit.code === "xa-chieng-dong") {
    return [
      { code: MERGED_COMMUNE.code, name: MERGED_COMMUNE.name, predecessors: [...MERGED_COMMUNE.predecessors] },
    ];
  }
  if (unit.code === "xa-chieng-kheo") return [];
  return [unit];
});
