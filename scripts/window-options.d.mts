export interface WindowOptionsFinding {
  line: number;
  column: number;
  message: string;
}
export function checkWindowOptions(fileName: string, text: string): WindowOptionsFinding[];
